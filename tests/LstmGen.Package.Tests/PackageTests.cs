using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LstmGen.Package.Tests;

/// <summary>
/// `dotnet add package LstmGen` and `dotnet add package LstmGen.Onnx` work: packs both packages from a copy of the
/// repository's sources (as a clean clone would), checks their layout and metadata, then creates a console project in a
/// temporary directory that knows nothing of this repository, adds both from a local folder feed with `dotnet add
/// package` (their dependencies, System.Numerics.Tensors and Google.Protobuf, come from the machine's NuGet sources),
/// makes the README's "Use it in your project" program its Program.cs (with the README's ONNX export line after the
/// training loop), runs it and compares its output with the same code run here against the same cell declared in this
/// test assembly, ONNX bytes included. A private package cache (NUGET_PACKAGES) guarantees no stale LstmGen is used.
/// One app for both packages: the fresh build is the slow part.
/// </summary>
public sealed partial class PackageTests : IDisposable
{
    private const string Version = "0.1.0";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "lstmgen-package-" + Guid.NewGuid().ToString("N")[..12]);

    public PackageTests() => Directory.CreateDirectory(_root);

    [Fact]
    public void Packages_added_with_dotnet_add_package_generate_a_working_cell_and_export_it_to_onnx()
    {
        // Directory.Build.* files at the top of the temporary tree stop MSBuild from importing any found above it.
        File.WriteAllText(Path.Combine(_root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(_root, "Directory.Build.targets"), "<Project />\n");

        string feed = Path.Combine(_root, "feed");
        string nupkg = Pack(feed, "LstmGen");
        CheckPackageLayout(nupkg, Path.ChangeExtension(nupkg, ".snupkg"));
        CheckOnnxPackageLayout(Pack(feed, "LstmGen.Onnx"));

        string app = Path.Combine(_root, "app");
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
        File.WriteAllText(Path.Combine(app, "Program.cs"), ReadmeExample.ProgramWithOnnxExport(RepositoryRoot()));
        File.WriteAllText(Path.Combine(app, "nuget.config"), NuGetConfig(feed));
        var environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(_root, "packages"),
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1",      // the program formats with the current culture
        };

        ProcessRunner.Dotnet(app, environment, Timeout, "add", "package", "LstmGen", "--version", Version).EnsureSuccess("dotnet add package");
        ProcessRunner.Dotnet(app, environment, Timeout, "add", "package", "LstmGen.Onnx", "--version", Version).EnsureSuccess("dotnet add package LstmGen.Onnx");
        string project = File.ReadAllText(Path.Combine(app, "App.csproj"));
        Assert.Matches(@"<PackageReference Include=""LstmGen"" Version=""0\.1\.0"" />", project);
        Assert.Matches(@"<PackageReference Include=""LstmGen\.Onnx"" Version=""0\.1\.0"" />", project);
        Assert.DoesNotContain("ProjectReference", project, StringComparison.Ordinal);

        ProcessRunner.Result run = ProcessRunner.Dotnet(app, environment, Timeout, "run", "-c", "Release", "--disable-build-servers").EnsureSuccess("dotnet run");

        string expected = ReadmeExample.ExpectedOutput(out byte[] onnx);
        Assert.StartsWith("step 0: loss 5.5", expected, StringComparison.Ordinal);     // ≈ 4·ln 4, as the README says
        // A sane ONNX model: a ModelProto starts with field 1 (ir_version) as a varint, tag byte 0x08; it holds the
        // parameters as float (4 bytes each) plus a graph of a few hundred bytes.
        Assert.Equal(0x08, onnx[0]);
        Assert.InRange(onnx.Length, CharRnn.ParameterCount * sizeof(float), (CharRnn.ParameterCount * sizeof(float)) + 4096);
        Assert.EndsWith(expected, run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(onnx, File.ReadAllBytes(Path.Combine(app, ReadmeExample.OnnxFileName)));
        Assert.True(File.Exists(Path.Combine(_root, "packages", "lstmgen", Version, "analyzers", "dotnet", "cs", "LstmGen.Generators.dll")), "the app restored LstmGen from the private cache");
        Assert.True(File.Exists(Path.Combine(_root, "packages", "lstmgen.onnx", Version, "lib", "net10.0", "LstmGen.Onnx.dll")), "the app restored LstmGen.Onnx from the private cache");
        Assert.True(Directory.Exists(Path.Combine(_root, "packages", "google.protobuf")), "the app restored Google.Protobuf from the machine's NuGet sources");
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

    /// <summary>Copies what the packages are built from (as in a clean clone: no bin/obj; once) and packs <c>src/<paramref name="project"/></c> into <paramref name="feed"/>.</summary>
    private string Pack(string feed, string project)
    {
        string repository = RepositoryRoot();
        string source = Path.Combine(_root, "source");
        if (!Directory.Exists(source))
        {
            CopySources(repository, source);
        }

        ProcessRunner.Dotnet(source, new Dictionary<string, string>(), Timeout, "pack", $"src/{project}/{project}.csproj", "-c", "Release", "-o", feed, "--disable-build-servers")
            .EnsureSuccess($"dotnet pack {project}");
        string nupkg = Path.Combine(feed, $"{project}.{Version}.nupkg");
        Assert.True(File.Exists(nupkg), $"dotnet pack wrote {string.Join(", ", Directory.GetFiles(feed).Select(Path.GetFileName))}");
        return nupkg;
    }

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

    private static void CheckPackageLayout(string nupkg, string snupkg)
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
            Assert.Equal(Version, Field("version"));
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
    /// dependencies, LstmGen of the same version and Google.Protobuf.
    /// </summary>
    private static void CheckOnnxPackageLayout(string nupkg)
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
        Assert.Equal(Version, Field("version"));
        Assert.Equal("MIT", Field("license"));
        Assert.Equal("README.md", Field("readme"));
        Assert.Contains("onnx", Field("tags"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(Field("description")));
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!);
        Assert.Equal(["Google.Protobuf", "LstmGen"], dependencies.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Version, dependencies["LstmGen"]);
    }

    /// <summary>A nuget.config whose sources are the local feed and the sources this machine is configured with
    /// (read from `dotnet nuget list source`), with LstmGen and LstmGen.Onnx mapped to the local feed only; every other
    /// package (System.Numerics.Tensors, Google.Protobuf) comes from the machine's sources.</summary>
    private string NuGetConfig(string feed)
    {
        ProcessRunner.Result list = ProcessRunner.Dotnet(_root, new Dictionary<string, string>(), Timeout, "nuget", "list", "source", "--format", "short").EnsureSuccess("dotnet nuget list source");
        string[] machineSources = EnabledSource().Matches(list.Output).Select(m => m.Groups[1].Value.Trim()).Where(s => s != feed).Distinct().ToArray();
        var sources = machineSources.Select((url, k) => new XElement("add", new XAttribute("key", $"machine-{k}"), new XAttribute("value", url)));
        var mappings = machineSources.Select((_, k) => new XElement("packageSource", new XAttribute("key", $"machine-{k}"), new XElement("package", new XAttribute("pattern", "*"))));
        var config = new XElement("configuration",
            new XElement("packageSources", new XElement("clear"), new XElement("add", new XAttribute("key", "lstmgen-local"), new XAttribute("value", feed)), sources),
            new XElement("packageSourceMapping",
                new XElement("packageSource", new XAttribute("key", "lstmgen-local"),
                    new XElement("package", new XAttribute("pattern", "LstmGen")), new XElement("package", new XAttribute("pattern", "LstmGen.Onnx"))),
                mappings));
        return new XDocument(config).ToString();
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

    [GeneratedRegex(@"^\s*E\s+(\S.*)$", RegexOptions.Multiline)]
    private static partial Regex EnabledSource();
}
