using LstmGen.Analyzers.Tests.Support;
using LstmGen.Generators.Emit;
using LstmGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LstmGen.Analyzers.Tests;

/// <summary>
/// The names LSTM0012 reserves are the members the generator puts directly into a cell class, for every shape (LSTM or
/// RNN, with or without a head, every kernel strategy): read from real generated code, not from the emitters' source.
/// Every generated member is reserved; every reserved name is generated for some shape, and the names every cell
/// gets (<see cref="GeneratedMemberNames.EveryCell"/>, <see cref="GeneratedMemberNames.WithBiasesOnly"/> unless it is bias-free, plus <see cref="GeneratedMemberNames.HeadOnly"/> and the softmax or linear head's own names with a head; a linear head gets none of the softmax head's)
/// are generated for each. Kernel helpers vary with the vector widths that fit a cell, so they are reserved for all.
/// </summary>
public sealed class GeneratedMemberNamesTests
{
    public static TheoryData<string, string> Shapes() => new()
    {
        { "[LstmCell(2, 1)]", "None" },
        { "[LstmCell(10, 16)]", "None" },
        { "[LstmCell(10, 16, Kernel = KernelStrategy.Loops)]", "None" },
        { "[RnnCell(3, 4)]", "None" },
        { "[RnnCell(7, 61)]", "None" },
        { "[GruCell(2, 2)]", "None" },
        { "[GruCell(7, 9, Kernel = KernelStrategy.Loops)]", "None" },
        { "[GruCell(3, 4, Output = OutputHead.Softmax, OutputSize = 5, Scalar = ScalarType.Float)]", "Softmax" },
        { "[LstmCell(3, 4, Output = OutputHead.Softmax, OutputSize = 5)]", "Softmax" },
        { "[RnnCell(10, 20, Output = OutputHead.Softmax, OutputSize = 5)]", "Softmax" },
        { "[LstmCell(10, 128, Output = OutputHead.Softmax, OutputSize = 10, Scalar = ScalarType.Float)]", "Softmax" },
        { "[LstmCell(1, 3, Output = OutputHead.Softmax, OutputSize = 33, Kernel = KernelStrategy.Simd)]", "Softmax" },
        { "[LstmCell(1, 4, Output = OutputHead.Linear, OutputSize = 1)]", "Linear" },
        { "[GruCell(2, 40, Output = OutputHead.Linear, OutputSize = 3, Scalar = ScalarType.Float)]", "Linear" },
        { "[RnnCell(3, 5, Output = OutputHead.Linear, OutputSize = 2, Kernel = KernelStrategy.Loops)]", "Linear" },
        { "[GruCell(2, 2, Bias = false)]", "None" },
        { "[LstmCell(10, 16, Bias = false, Output = OutputHead.Softmax, OutputSize = 4)]", "Softmax" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_generated_member_is_reserved_and_every_common_name_is_generated(string attribute, string headName)
    {
        OutputHeadKind head = Enum.Parse<OutputHeadKind>(headName);
        string[] generated = GeneratedMembers(attribute);

        Assert.Empty(generated.Except(GeneratedMemberNames.For(head)));
        IEnumerable<string> common = head switch
        {
            OutputHeadKind.Softmax => [.. GeneratedMemberNames.EveryCell, .. GeneratedMemberNames.HeadOnly, .. GeneratedMemberNames.SoftmaxHeadOnly],
            OutputHeadKind.Linear => [.. GeneratedMemberNames.EveryCell, .. GeneratedMemberNames.HeadOnly, .. GeneratedMemberNames.LinearHeadOnly],
            _ => GeneratedMemberNames.EveryCell,
        };
        bool biasFree = attribute.Contains("Bias = false", StringComparison.Ordinal);
        Assert.Empty(common.Except(generated));
        Assert.Equal(!biasFree, GeneratedMemberNames.WithBiasesOnly.All(generated.Contains));
        if (head == OutputHeadKind.Linear)
        {
            Assert.Empty(GeneratedMemberNames.SoftmaxHeadOnly.Intersect(generated));
        }
    }

    [Fact]
    public void Every_reserved_name_is_generated_for_some_shape()
    {
        HashSet<string> seen = [];
        foreach (object[] shape in Shapes())
        {
            seen.UnionWith(GeneratedMembers((string)shape[0]));
        }

        Assert.Empty(GeneratedMemberNames.For(OutputHeadKind.Softmax).Union(GeneratedMemberNames.For(OutputHeadKind.Linear)).Except(seen).Order(StringComparer.Ordinal));
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
