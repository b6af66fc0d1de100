using LstmGen.Analyzers.Tests.Support;
using LstmGen.Generators.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LstmGen.Analyzers.Tests;

/// <summary>
/// The names LSTM0012 reserves are exactly the members the generator puts directly into a cell class, for every
/// shape (LSTM or RNN, with or without a head): read from real generated code, not from the emitters' source.
/// </summary>
public sealed class GeneratedMemberNamesTests
{
    [Theory]
    [InlineData("[LstmCell(2, 1)]", false)]
    [InlineData("[LstmCell(10, 16)]", false)]
    [InlineData("[RnnCell(3, 4)]", false)]
    [InlineData("[LstmCell(3, 4, Output = OutputHead.Softmax, OutputSize = 5)]", true)]
    [InlineData("[RnnCell(10, 20, Output = OutputHead.Softmax, OutputSize = 5)]", true)]
    public void Reserved_names_are_the_generated_members(string attribute, bool hasHead)
    {
        string user = "using LstmGen;\nnamespace Samples;\n" + attribute + "\npublic static partial class Cell;";
        (string _, string text) = Assert.Single(GeneratedCode.For(user));
        CSharpCompilation compilation = Compilations.Create(user, text);

        INamedTypeSymbol cell = compilation.GetTypeByMetadataName("Samples.Cell")!;
        string[] generated = cell.GetMembers()
            .Where(m => !m.IsImplicitlyDeclared && m.Locations.Any(l => l.SourceTree?.FilePath == "Input1.cs"))
            .Select(m => m.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(GeneratedMemberNames.For(hasHead).Order(StringComparer.Ordinal), generated);
    }
}
