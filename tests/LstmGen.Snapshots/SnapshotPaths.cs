using System.Text.RegularExpressions;

namespace LstmGen.Snapshots;

/// <summary>
/// Where the snapshot files of one verification live: <c>{Directory}/{Name}.verified.{Extension}</c>
/// and <c>{Directory}/{Name}.received.{Extension}</c>.
/// </summary>
/// <remarks>
/// By default the snapshots are centralised in the repository's <c>snapshots/</c> folder (the repository root
/// being the nearest ancestor of the test source file that holds <c>LstmGen.sln</c>). Verify's default is
/// next to the test file; with Verify, the same layout is configured by calling
/// <c>Verifier.DerivePathInfo(...)</c> in a <c>[ModuleInitializer]</c>.
/// </remarks>
internal sealed partial record SnapshotPaths(string Directory, string Name, string Extension)
{
    /// <summary>The file whose presence marks the repository root.</summary>
    internal const string SolutionFileName = "LstmGen.sln";

    /// <summary>The folder, under the repository root, that holds the snapshots by default.</summary>
    internal const string SnapshotsFolderName = "snapshots";

    public string VerifiedPath => Path.Combine(Directory, $"{Name}.verified.{Extension}");

    public string ReceivedPath => Path.Combine(Directory, $"{Name}.received.{Extension}");

    /// <summary>Works out the snapshot paths from the caller's source file and the fluent settings.</summary>
    public static SnapshotPaths Resolve(string sourceFile, string methodName, string? fileName, string? directory, string extension)
    {
        string? sourceDirectory = FindSourceDirectory(sourceFile);
        string name = fileName ?? $"{Path.GetFileNameWithoutExtension(sourceFile)}.{methodName}";
        string snapshotDirectory;
        if (directory is null)
        {
            string root = FindRepositoryRoot(sourceDirectory ?? AppContext.BaseDirectory)
                ?? throw new InvalidOperationException(
                    $"No directory holding {SolutionFileName} was found above '{sourceFile}'; call UseDirectory(...).");
            snapshotDirectory = Path.Combine(root, SnapshotsFolderName);
        }
        else if (Path.IsPathFullyQualified(directory))
        {
            snapshotDirectory = directory;
        }
        else
        {
            snapshotDirectory = Path.GetFullPath(directory, sourceDirectory
                ?? throw new InvalidOperationException(
                    $"The source directory of '{sourceFile}' is unknown, so UseDirectory(\"{directory}\") needs an absolute path."));
        }

        return new SnapshotPaths(Path.GetFullPath(snapshotDirectory), name, extension);
    }

    /// <summary>Returns the nearest directory, from <paramref name="start"/> upwards, that holds the solution file.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// The directory of the caller's source file. Deterministic CI builds (<c>ContinuousIntegrationBuild</c>)
    /// map source paths to <c>/_/...</c>; such a path is mapped back onto the repository found above the test binaries.
    /// </summary>
    private static string? FindSourceDirectory(string sourceFile)
    {
        string? directory = Path.GetDirectoryName(sourceFile);
        if (directory is not null && System.IO.Directory.Exists(directory))
        {
            return directory;
        }

        Match mapped = MappedSourcePath().Match(sourceFile);
        string? root = FindRepositoryRoot(AppContext.BaseDirectory);
        if (!mapped.Success || root is null)
        {
            return null;
        }

        string candidate = Path.GetDirectoryName(Path.Combine(root, mapped.Groups["rest"].Value)) ?? root;
        return System.IO.Directory.Exists(candidate) ? candidate : null;
    }

    [GeneratedRegex(@"^[/\\]_\d*[/\\](?<rest>.*)$")]
    private static partial Regex MappedSourcePath();
}
