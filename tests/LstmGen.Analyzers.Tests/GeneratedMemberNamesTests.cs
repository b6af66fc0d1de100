using LstmGen.Analyzers.Tests.Support;
using LstmGen.Generators.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LstmGen.Analyzers.Tests;

/// <summary>
/// The names LSTM0012 reserves are the members the generator puts directly into a cell class, for every shape (LSTM or
/// RNN, with or without a head, every kernel strategy): read from real generated code, not from the emitters' source.
/// Every generated member is reserved; every reserved name is generated for some shape, and the names every cell
/// gets (<see cref="GeneratedMemberNames.EveryCell"/>, plus <see cref="GeneratedMemberNames.HeadOnly"/> with a head)
/// are generated for each. Kernel helpers vary with the vector widths that fit a cell, so they are reserved for all.
/// </summary>
public sealed class GeneratedMemberNamesTests
{
    public static TheoryData<string, bool> Shapes() => new()
    {
        { "[LstmCell(2, 1)]", false },
        { "[LstmCell(10, 16)]", false },
        { "[LstmCell(10, 16, Kernel = KernelStrategy.Loops)]", false },
        { "[RnnCell(3, 4)]", false },
        { "[RnnCell(7, 61)]", false },
        { "[GruCell(2, 2)]", false },
        { "[GruCell(7, 9, Kernel = KernelStrategy.Loops)]", false },
        { "[GruCell(3, 4, Output = OutputHead.Softmax, OutputSize = 5, Scalar = ScalarType.Float)]", true },
        { "[LstmCell(3, 4, Output = OutputHead.Softmax, OutputSize = 5)]", true },
        { "[RnnCell(10, 20, Output = OutputHead.Softmax, OutputSize = 5)]", true },
        { "[LstmCell(10, 128, Output = OutputHead.Softmax, OutputSize = 10, Scalar = ScalarType.Float)]", true },
        { "[LstmCell(1, 3, Output = OutputHead.Softmax, OutputSize = 33, Kernel = KernelStrategy.Simd)]", true },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_generated_member_is_reserved_and_every_common_name_is_generated(string attribute, bool hasHead)
    {
        string[] generated = GeneratedMembers(attribute);

        Assert.Empty(generated.Except(GeneratedMemberNames.For(hasHead)));
        IEnumerable<string> common = hasHead ? GeneratedMemberNames.EveryCell.Concat(GeneratedMemberNames.HeadOnly) : GeneratedMemberNames.EveryCell;
        Assert.Empty(common.Except(generated));
    }

    [Fact]
    public void Every_reserved_name_is_generated_for_some_shape()
    {
        HashSet<string> seen = [];
        foreach (object[] shape in Shapes())
        {
            seen.UnionWith(GeneratedMembers((string)shape[0]));
        }

        Assert.Empty(GeneratedMemberNames.For(hasHead: true).Except(seen).Order(StringComparer.Ordinal));
    }

    private static string[] GeneratedMembers(string attribute)
    {
        string user = "using LstmGen;\nnamespace Samples;\n" + attribute + "\npublic static partial class Cell;";
        (string _, string text) = Assert.Single(GeneratedCode.CellsFor(user));
        CSharpCompilation compilation = Compilations.Create([user, text, .. GeneratedCode.For(user).Select(file => file.Text).Where(t => t != text)]);

        INamedTypeSymbol cell = compilation.GetTypeByMetadataName("Samples.Cell")!;
        return cell.GetMembers()
            .Where(m => !m.IsImplicitlyDeclared && m.Locations.Any(l => l.SourceTree?.FilePath == "Input1.cs"))
            .Select(m => m.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
