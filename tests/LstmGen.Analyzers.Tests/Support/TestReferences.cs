using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace LstmGen.Analyzers.Tests.Support;

/// <summary>
/// The references and options every test compilation uses: the shared framework this test runs on (no NuGet download:
/// the testing package's <see cref="ReferenceAssemblies"/> is given no package and the framework is added as
/// additional references) and the runtime library that declares the attributes.
/// </summary>
internal static class TestReferences
{
    /// <summary>What the generator and analyzers see as C#: the latest the pinned Roslyn knows, as in the generator tests.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    /// <summary>A reference-assembly set with no package: nothing is resolved from NuGet.</summary>
    public static readonly ReferenceAssemblies NoPackages = new("net10.0");

    /// <summary>The shared framework's assemblies plus <c>LstmGen.dll</c>.</summary>
    public static ImmutableArray<MetadataReference> All => LazyAll.Value;

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new(Load);

    private static ImmutableArray<MetadataReference> Load()
    {
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)
            ?? throw new InvalidOperationException("The shared framework directory is unknown.");
        string trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("TRUSTED_PLATFORM_ASSEMBLIES is not set.");

        return trusted
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Append(typeof(LstmCellAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
