using System.Text;
using LstmGen.Analyzers.Tests.Support;
using LstmGen.Generators.Validation;

namespace LstmGen.Analyzers.Tests;

/// <summary>
/// A hint name becomes a file name when the project sets <c>EmitCompilerGeneratedFiles</c>, and file systems limit one
/// file name to 255 bytes (CS0016 otherwise). A long namespace with a 100-character CJK class name (3 UTF-8 bytes each)
/// gets a shortened hint name: a readable prefix and a 64-bit FNV-1a hash of the full name's UTF-8 bytes (computed here
/// independently), so it is stable across runs and machines and distinct for names that share the prefix.
/// </summary>
public sealed class HintNameLengthTests
{
    private const string Namespace = "Contoso.Forecasting.Experimental.SequenceModels.Recurrent.LongShortTermMemory.Cells";

    // 100 CJK characters: 300 bytes in UTF-8 on their own.
    private static readonly string LongName = string.Concat(Enumerable.Repeat("长短期记忆网络单元", 11)) + "甲";

    private static string Cell(string name) => $"[LstmCell(2, 1)]\npublic static partial class {name};\n";

    private static string Source(params string[] names) => "using LstmGen;\nnamespace " + Namespace + ";\n" + string.Concat(names.Select(Cell));

    [Fact]
    public void A_long_hint_name_fits_a_file_name_keeps_a_readable_prefix_and_ends_with_the_hash_of_the_full_name()
    {
        Assert.Equal(100, LongName.Length);
        (string hintName, string _) = Assert.Single(GeneratedCode.CellsFor(Source(LongName)));

        Assert.True(HintNames.MaxUtf8Bytes <= 255, "a file name has at most 255 bytes");
        Assert.InRange(Encoding.UTF8.GetByteCount(hintName), 1, HintNames.MaxUtf8Bytes);
        Assert.StartsWith(Namespace + ".长短期记忆", hintName, StringComparison.Ordinal);
        Assert.EndsWith("." + Fnv1a64Hex(Namespace + "." + LongName) + ".g.cs", hintName, StringComparison.Ordinal);
        Assert.Equal(hintName, Assert.Single(GeneratedCode.CellsFor(Source(LongName))).HintName);
    }

    [Fact]
    public void Two_long_names_that_share_the_prefix_get_distinct_hint_names()
    {
        string other = LongName[..^1] + "乙";
        string[] hintNames = GeneratedCode.CellsFor(Source(LongName, other)).Select(g => g.HintName).ToArray();

        Assert.Equal(2, hintNames.Length);
        Assert.NotEqual(hintNames[0], hintNames[1]);
        Assert.All(hintNames, h => Assert.InRange(Encoding.UTF8.GetByteCount(h), 1, HintNames.MaxUtf8Bytes));
    }

    [Fact]
    public void A_short_hint_name_is_the_plain_full_name() =>
        Assert.Equal(Namespace + ".TinyLstm.g.cs", Assert.Single(GeneratedCode.CellsFor(Source("TinyLstm"))).HintName);

    [Fact]
    public void The_reference_hash_matches_the_published_FNV_1a_test_vectors()
    {
        // From the FNV reference test suite (64-bit FNV-1a): "" and "a".
        Assert.Equal("cbf29ce484222325", Fnv1a64Hex(""));
        Assert.Equal("af63dc4c8601ec8c", Fnv1a64Hex("a"));
    }

    private static string Fnv1a64Hex(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
