using System.Reflection;

namespace LstmGen.Generators.Tests;

/// <summary>
/// The generator must not reference a Roslyn newer than the SDK's compiler loads (4.14, C# compiler 5.9 here):
/// a newer reference makes the compiler skip the generator with only a CS9057 warning and no generated code.
/// </summary>
public sealed class RoslynReferenceVersionTests
{
    private static readonly Version MaxSupported = new(4, 14, 0, 0);

    [Theory]
    [InlineData("Microsoft.CodeAnalysis")]
    [InlineData("Microsoft.CodeAnalysis.CSharp")]
    public void Generator_references_roslyn_no_newer_than_the_sdk_compiler(string assemblyName)
    {
        AssemblyName reference = Assert.Single(
            typeof(CellGenerator).Assembly.GetReferencedAssemblies(),
            r => string.Equals(r.Name, assemblyName, StringComparison.Ordinal));

        Assert.NotNull(reference.Version);
        Assert.True(
            reference.Version <= MaxSupported,
            $"{typeof(CellGenerator).Assembly.GetName().Name} references {assemblyName} {reference.Version}; the SDK compiler supports up to {MaxSupported}.");
    }

    [Fact]
    public void Generator_targets_netstandard2_0_so_every_compiler_host_can_load_it()
    {
        Assert.Contains(
            typeof(CellGenerator).Assembly.GetReferencedAssemblies(),
            r => string.Equals(r.Name, "netstandard", StringComparison.Ordinal) && r.Version == new Version(2, 0, 0, 0));
    }
}
