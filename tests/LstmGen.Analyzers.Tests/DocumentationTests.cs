using System.Globalization;
using LstmGen.Analyzers.Tests.Support;
using LstmGen.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace LstmGen.Analyzers.Tests;

/// <summary>
/// Every diagnostic ID is documented (a section in <c>docs/diagnostics.md</c> behind its help link's anchor, with an
/// example), listed in the README's table and tracked in <c>AnalyzerReleases.Unshipped.md</c>, with the descriptor's
/// own title, severity and category.
/// </summary>
public sealed class DocumentationTests
{
    public static TheoryData<string> Ids() => new(Descriptors().Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_id_has_a_section_with_an_example_in_docs(string id)
    {
        DiagnosticDescriptor descriptor = Descriptor(id);
        string docs = File.ReadAllText(Repository.File("docs/diagnostics.md"));
        string anchor = $"<a id=\"{id.ToLowerInvariant()}\"></a>\n## {id}: {Title(descriptor)}";

        int start = docs.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/diagnostics.md has no section starting with:\n{anchor}");
        Assert.EndsWith("#" + id.ToLowerInvariant(), descriptor.HelpLinkUri, StringComparison.Ordinal);

        int end = docs.IndexOf("<a id=", start + anchor.Length, StringComparison.Ordinal);
        string section = end < 0 ? docs[start..] : docs[start..end];
        Assert.Contains("```csharp", section, StringComparison.Ordinal);
        Assert.Contains(id, section[anchor.Length..], StringComparison.Ordinal);
        Assert.Contains("**Fix", section, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_id_is_in_the_readme_and_the_release_tracking(string id)
    {
        DiagnosticDescriptor descriptor = Descriptor(id);
        string severity = descriptor.DefaultSeverity.ToString();

        Assert.Contains(
            $"| {id} | {severity.ToLowerInvariant()} | {Title(descriptor)} |",
            File.ReadAllText(Repository.File("README.md")),
            StringComparison.Ordinal);
        Assert.Contains(
            $"{id} | {descriptor.Category} | {severity} | {Title(descriptor)}",
            File.ReadAllText(Repository.File("generators/LstmGen.Generators/AnalyzerReleases.Unshipped.md")),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Docs_have_no_section_for_an_unknown_id()
    {
        string docs = File.ReadAllText(Repository.File("docs/diagnostics.md"));
        string[] documented = System.Text.RegularExpressions.Regex.Matches(docs, "<a id=\"(lstm[0-9]{4})\"></a>")
            .Select(m => m.Groups[1].Value.ToUpperInvariant())
            .ToArray();

        Assert.Equal(Descriptors().Select(d => d.Id).Order(), documented.Order());
    }

    /// <summary>
    /// LSTM0012's section lists the reserved names exactly as <see cref="LstmGen.Generators.Emit.GeneratedMemberNames"/>
    /// holds them (the one list the rule uses), in five bullets: every cell, with biases, with either head, and with a softmax or a linear head besides.
    /// </summary>
    [Theory]
    [InlineData("**Every cell:**", nameof(LstmGen.Generators.Emit.GeneratedMemberNames.EveryCell))]
    [InlineData("**With biases (every cell but a bias-free one; reserved for all, so that switching Bias never clashes):**", nameof(LstmGen.Generators.Emit.GeneratedMemberNames.WithBiasesOnly))]
    [InlineData("**With a head (softmax or linear):**", nameof(LstmGen.Generators.Emit.GeneratedMemberNames.HeadOnly))]
    [InlineData("**With a softmax head, besides:**", nameof(LstmGen.Generators.Emit.GeneratedMemberNames.SoftmaxHeadOnly))]
    [InlineData("**With a linear head, besides:**", nameof(LstmGen.Generators.Emit.GeneratedMemberNames.LinearHeadOnly))]
    public void The_reserved_names_in_docs_are_the_rules_list(string label, string field)
    {
        string docs = File.ReadAllText(Repository.File("docs/diagnostics.md"));
        int section = docs.IndexOf("<a id=\"lstm0012\"></a>", StringComparison.Ordinal);
        string text = docs[section..docs.IndexOf("<a id=", section + 1, StringComparison.Ordinal)];
        int start = text.IndexOf("- " + label, StringComparison.Ordinal);
        Assert.True(start >= 0, $"The LSTM0012 section has no bullet '- {label}'");
        int end = text.IndexOf("\n\n", start, StringComparison.Ordinal) is var blank and >= 0 ? blank : text.Length;
        int next = text.IndexOf("\n- ", start, StringComparison.Ordinal);
        string bullet = text[start..(next >= 0 && next < end ? next : end)];

        string[] documented = System.Text.RegularExpressions.Regex.Matches(bullet, "`([A-Za-z_0-9]+)`").Select(m => m.Groups[1].Value).ToArray();
        var names = (System.Collections.Immutable.ImmutableArray<string>)typeof(LstmGen.Generators.Emit.GeneratedMemberNames).GetField(field)!.GetValue(null)!;

        Assert.Equal(names.ToArray(), documented);
    }

    private static string Title(DiagnosticDescriptor descriptor) => descriptor.Title.ToString(CultureInfo.InvariantCulture);

    private static DiagnosticDescriptor Descriptor(string id) => Descriptors().Single(d => d.Id == id);

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => f.GetValue(null))
            .OfType<DiagnosticDescriptor>();
}
