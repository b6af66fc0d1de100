using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LstmGen.Package.Tests;

/// <summary>
/// The README's "Use it in your project" path works on a fresh machine: its shell blocks are run as written, with bash,
/// the "in the repository" ones in a copy of the repository's sources (as a clean clone would be) and the "in your
/// project" ones in a console project in a temporary directory that knows nothing of this repository. HOME is a
/// temporary directory (the README's feed, ~/lstmgen-feed, is in it), and the project's package cache (NUGET_PACKAGES)
/// starts empty, so System.Numerics.Tensors and Google.Protobuf come from nuget.org through the README's nuget.config
/// and no stale LstmGen can be used. The packs use the machine's cache (they build the repository, which is not what
/// the README's user lacks). Between the blocks the test checks the packages' layout and metadata, that each pack has a
/// new build-unique version and that `dotnet add package` moved the project to it. The project's Program.cs is the
/// README program with the README's ONNX export line after the training loop; its output and ONNX file must equal the
/// same code run here against the same cell declared in this test assembly. One app for both packages: the fresh
/// build is the slow part.
/// </summary>
public sealed partial class PackageTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "lstmgen-package-" + Guid.NewGuid().ToString("N")[..12]);

    public PackageTests() => Directory.CreateDirectory(_root);

    [Fact]
    public void The_readme_commands_add_packages_that_generate_a_working_cell_and_export_it_to_onnx()
    {
        // Directory.Build.* files at the top of the temporary tree stop MSBuild from importing any found above it.
        File.WriteAllText(Path.Combine(_root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(_root, "Directory.Build.targets"), "<Project />\n");
        string repository = RepositoryRoot(), source = Path.Combine(_root, "source"), app = Path.Combine(_root, "app");
        string home = Path.Combine(_root, "home"), feed = Path.Combine(home, "lstmgen-feed"), packages = Path.Combine(_root, "packages");
        CopySources(repository, source);
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), ReadmeExample.ProgramWithOnnxExport(repository));
        var inRepository = new Dictionary<string, string> { ["HOME"] = home, ["NUGET_PACKAGES"] = MachinePackageCache() };
        var inProject = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["NUGET_PACKAGES"] = packages,
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1",      // the program formats with the current culture
        };

        IReadOnlyList<ShellBlock> blocks = ReadmeExample.LocalFeedCommands(repository);
        Assert.Equal([true, false, true, false], blocks.Select(b => b.InRepository));
        Run(blocks[0], source, inRepository);
        string first = Assert.Single(Versions(feed, "LstmGen"));
        CheckPackageLayout(Path.Combine(feed, $"LstmGen.{first}.nupkg"), Path.Combine(feed, $"LstmGen.{first}.snupkg"), first);
        Run(blocks[1], app, inProject);
        Assert.Equal(first, ReferencedVersion(app, "LstmGen"));

        Run(blocks[2], source, inRepository);
        string second = Versions(feed, "LstmGen").Single(v => v != first);
        Assert.True(LocalStamp(second) > LocalStamp(first), $"the second pack's version {second} is newer than the first's, {first}");
        string onnxVersion = Assert.Single(Versions(feed, "LstmGen.Onnx"));
        CheckOnnxPackageLayout(Path.Combine(feed, $"LstmGen.Onnx.{onnxVersion}.nupkg"), onnxVersion, second);
        Run(blocks[3], app, inProject);
        Assert.Equal(second, ReferencedVersion(app, "LstmGen"));
        Assert.Equal(onnxVersion, ReferencedVersion(app, "LstmGen.Onnx"));
        Assert.DoesNotContain("ProjectReference", File.ReadAllText(Path.Combine(app, "App.csproj")), StringComparison.Ordinal);

        ProcessRunner.Result run = ProcessRunner.Dotnet(app, inProject, Timeout, "run", "-c", "Release", "--disable-build-servers").EnsureSuccess("dotnet run");

        string expected = ReadmeExample.ExpectedOutput(out byte[] onnx);
        Assert.StartsWith("step 0: loss 5.5", expected, StringComparison.Ordinal);     // ≈ 4·ln 4, as the README says
        // A sane ONNX model: a ModelProto starts with field 1 (ir_version) as a varint, tag byte 0x08; it holds the
        // parameters as float (4 bytes each) plus a graph of a few hundred bytes.
        Assert.Equal(0x08, onnx[0]);
        Assert.InRange(onnx.Length, CharRnn.ParameterCount * sizeof(float), (CharRnn.ParameterCount * sizeof(float)) + 4096);
        Assert.EndsWith(expected, run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(onnx, File.ReadAllBytes(Path.Combine(app, ReadmeExample.OnnxFileName)));
        Assert.True(File.Exists(Path.Combine(packages, "lstmgen", second, "analyzers", "dotnet", "cs", "LstmGen.Generators.dll")), "the app restored LstmGen from the empty private cache");
        Assert.True(File.Exists(Path.Combine(packages, "lstmgen.onnx", onnxVersion, "lib", "net10.0", "LstmGen.Onnx.dll")), "the app restored LstmGen.Onnx from the empty private cache");
        Assert.True(Directory.Exists(Path.Combine(packages, "system.numerics.tensors")), "the app restored System.Numerics.Tensors from nuget.org");
        Assert.True(Directory.Exists(Path.Combine(packages, "google.protobuf")), "the app restored Google.Protobuf from nuget.org");
    }

    /// <summary>`dotnet pack -p:LstmGenRelease=true` gives the release version, the VersionPrefix alone (evaluation only, no build).</summary>
    [Fact]
    public void A_release_pack_has_the_plain_version()
    {
        string repository = RepositoryRoot();
        foreach (string project in new[] { "LstmGen", "LstmGen.Onnx" })
        {
            ProcessRunner.Result release = ProcessRunner.Dotnet(repository, new Dictionary<string, string>(), Timeout, "msbuild", $"src/{project}/{project}.csproj",
                "-getProperty:PackageVersion", "-p:_IsPacking=true", "-p:LstmGenRelease=true").EnsureSuccess($"dotnet msbuild {project}");
            Assert.Equal(VersionPrefix(repository), release.Output.Trim());
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is not a test failure.
        }
    }

    /// <summary>Runs a README shell block with bash (stopping at the first failing command).</summary>
    private static void Run(ShellBlock block, string directory, IReadOnlyDictionary<string, string> environment) =>
        ProcessRunner.Run("bash", directory, environment, Timeout, "-e", "-c", block.Script).EnsureSuccess($"the README block\n{block.Script}");

    /// <summary>The versions of <paramref name="id"/> in the folder feed, from the file names (id.version.nupkg).</summary>
    private static string[] Versions(string feed, string id) =>
        [.. Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).Select(name => PackageFile().Match(name!))
            .Where(m => m.Success && m.Groups["id"].Value == id).Select(m => m.Groups["version"].Value)];

    /// <summary>The time stamp of a local pack's version <c>prefix-local.yyyyMMddHHmmss</c>, checked to have that form.</summary>
    private static long LocalStamp(string version)
    {
        Match match = LocalVersion().Match(version);
        Assert.True(match.Success, $"{version} is a local pack's version, <prefix>-local.<yyyyMMddHHmmss>");
        Assert.Equal(VersionPrefix(RepositoryRoot()), match.Groups["prefix"].Value);
        return long.Parse(match.Groups["stamp"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The version of the PackageReference to <paramref name="id"/> that `dotnet add package` wrote.</summary>
    private static string ReferencedVersion(string app, string id)
    {
        XElement reference = XDocument.Load(Path.Combine(app, "App.csproj")).Descendants("PackageReference").Single(e => (string?)e.Attribute("Include") == id);
        return (string)reference.Attribute("Version")!;
    }

    /// <summary>The one place the release version is written: VersionPrefix in Directory.Build.props.</summary>
    private static string VersionPrefix(string repository) =>
        XDocument.Load(Path.Combine(repository, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    /// <summary>This machine's package cache, for the packs (they build the repository, with its own dependencies).</summary>
    private static string MachinePackageCache() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static void CopySources(string repository, string source)
    {
        foreach (string file in new[] { "Directory.Build.props", "global.json", "README.md", ".editorconfig" })
        {
            if (File.Exists(Path.Combine(repository, file)))
            {
                Directory.CreateDirectory(source);
                File.Copy(Path.Combine(repository, file), Path.Combine(source, file));
            }
        }

        CopyTree(Path.Combine(repository, "src", "LstmGen"), Path.Combine(source, "src", "LstmGen"));
        CopyTree(Path.Combine(repository, "src", "LstmGen.Onnx"), Path.Combine(source, "src", "LstmGen.Onnx"));
        CopyTree(Path.Combine(repository, "generators"), Path.Combine(source, "generators"));
    }

    private static void CheckPackageLayout(string nupkg, string snupkg, string version)
    {
        using (ZipArchive package = ZipFile.OpenRead(nupkg))
        {
            string[] entries = package.Entries.Select(e => e.FullName).ToArray();
            Assert.Contains("lib/net10.0/LstmGen.dll", entries);
            Assert.Contains("lib/net10.0/LstmGen.xml", entries);
            Assert.Contains("analyzers/dotnet/cs/LstmGen.Generators.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/LstmGen.CodeFixes.dll", entries);
            Assert.Contains("README.md", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("Generators", StringComparison.Ordinal));

            using Stream nuspecStream = package.Entries.Single(e => e.FullName == "LstmGen.nuspec").Open();
            XElement metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string Field(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
            Assert.Equal("LstmGen", Field("id"));
            Assert.Equal(version, Field("version"));
            Assert.Equal("MIT", Field("license"));
            Assert.Equal("README.md", Field("readme"));
            Assert.Contains("source-generator", Field("tags"), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(Field("description")));
            // One package dependency: System.Numerics.Tensors (TensorPrimitives, for the SIMD kernels' activations). The
            // generator is inside the package, not a dependency of it.
            string[] dependencies = [.. metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!)];
            Assert.Equal(["System.Numerics.Tensors"], dependencies);
        }

        Assert.True(File.Exists(snupkg), "dotnet pack wrote a symbol package");
        using ZipArchive symbols = ZipFile.OpenRead(snupkg);
        Assert.Contains(symbols.Entries, e => e.FullName == "lib/net10.0/LstmGen.pdb");
    }

    /// <summary>
    /// LstmGen.Onnx: the library and its XML docs, no analyzers (the generator comes with LstmGen), and exactly two
    /// dependencies, LstmGen of <paramref name="lstmGenVersion"/> (packed with it) and Google.Protobuf.
    /// </summary>
    private static void CheckOnnxPackageLayout(string nupkg, string version, string lstmGenVersion)
    {
        using ZipArchive package = ZipFile.OpenRead(nupkg);
        string[] entries = package.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains("lib/net10.0/LstmGen.Onnx.dll", entries);
        Assert.Contains("lib/net10.0/LstmGen.Onnx.xml", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("/LstmGen.dll", StringComparison.Ordinal));

        using Stream nuspecStream = package.Entries.Single(e => e.FullName == "LstmGen.Onnx.nuspec").Open();
        XElement metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Field(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        Assert.Equal("LstmGen.Onnx", Field("id"));
        Assert.Equal(version, Field("version"));
        Assert.Equal("MIT", Field("license"));
        Assert.Equal("README.md", Field("readme"));
        Assert.Contains("onnx", Field("tags"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(Field("description")));
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!);
        Assert.Equal(["Google.Protobuf", "LstmGen"], dependencies.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(lstmGenVersion, dependencies["LstmGen"]);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            string[] parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Any(p => p is "bin" or "obj"))
            {
                continue;
            }

            string target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LstmGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No LstmGen.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^(?<id>LstmGen(\.Onnx)?)\.(?<version>\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?)\.nupkg$")]
    private static partial Regex PackageFile();

    [GeneratedRegex(@"^(?<prefix>\d+\.\d+\.\d+)-local\.(?<stamp>[1-9]\d{13})$")]
    private static partial Regex LocalVersion();
}
