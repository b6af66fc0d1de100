using System.Globalization;
using System.Text.RegularExpressions;

namespace LstmGen.Generators.Tests;

/// <summary>Same input, byte-identical output: no timestamps, no machine-dependent text, <c>\n</c> line endings only.</summary>
public sealed partial class DeterminismTests
{
    public static TheoryData<string> Declarations() =>
    [
        CellSources.TinyLstm,
        CellSources.SmallFloatLstm,
        CellSources.MidLstm,
        CellSources.NestedGlobal,
        CellSources.SmallGru,
        CellSources.SimdGru,
    ];

    [Theory]
    [MemberData(nameof(Declarations))]
    public void Two_fresh_drivers_produce_byte_identical_text(string declaration)
    {
        GeneratorRun first = GeneratorHarness.Run(declaration);
        GeneratorRun second = GeneratorHarness.Run(declaration);

        Assert.Equal(first.GeneratedSources.Single().HintName, second.GeneratedSources.Single().HintName);
        Assert.Equal(Bytes(first), Bytes(second));
    }

    [Theory]
    [MemberData(nameof(Declarations))]
    public void Output_uses_newline_line_endings_only(string declaration)
    {
        string text = GeneratorHarness.Run(declaration).SingleSourceText;

        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" \n", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Declarations))]
    public void Output_has_no_dates_times_or_machine_names(string declaration)
    {
        string text = GeneratorHarness.Run(declaration).SingleSourceText;

        Assert.DoesNotContain("DateTime", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(DateLike(), text);
        Assert.DoesNotMatch(TimeLike(), text);
        Assert.DoesNotContain(Environment.MachineName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.UserName, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        string declaration = CellSources.SmallFloatLstm;
        string invariant = GeneratorHarness.Run(declaration).SingleSourceText;

        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CommaDecimalCulture();
            Assert.Equal(invariant, GeneratorHarness.Run(declaration).SingleSourceText);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    /// <summary>A culture with a decimal comma and a Unicode minus (the tests run in globalization-invariant mode, so no named culture).</summary>
    private static CultureInfo CommaDecimalCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.NegativeSign = "\u2212";
        return culture;
    }

    private static byte[] Bytes(GeneratorRun run) =>
        System.Text.Encoding.UTF8.GetBytes(run.SingleSourceText);

    [GeneratedRegex(@"\b(19|20)\d\d[-/.](0[1-9]|1[0-2])[-/.](0[1-9]|[12]\d|3[01])\b")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"\b([01]\d|2[0-3]):[0-5]\d:[0-5]\d\b")]
    private static partial Regex TimeLike();
}
