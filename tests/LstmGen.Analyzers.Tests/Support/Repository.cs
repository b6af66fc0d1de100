namespace LstmGen.Analyzers.Tests.Support;

/// <summary>Paths in the repository this test assembly was built from.</summary>
internal static class Repository
{
    /// <summary>The directory holding <c>LstmGen.sln</c>, found by walking up from the test's output directory.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>An absolute path from a repository-relative one.</summary>
    public static string File(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "LstmGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No LstmGen.sln above {AppContext.BaseDirectory}.");
    }
}
