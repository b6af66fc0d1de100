namespace LstmGen.UnrollLimit.Tests;

/// <summary>
/// One method's listing in the JIT's <c>DOTNET_JitDisasm</c> output: whether it was compiled as MinOpts, and how many
/// calls to element accessors (an inline array's <c>InlineArrayElementRef</c>/<c>InlineArrayFirstElementRef</c>, a span's
/// <c>get_Item</c>) it kept, which the JIT inlines while it can.
/// </summary>
/// <param name="MinOpts">Whether the listing's header says MinOpts.</param>
/// <param name="ElementCalls">Calls to element accessors in the code.</param>
internal sealed record JitListing(bool MinOpts, int ElementCalls)
{
    private const string Header = "; Assembly listing for method ";

    /// <summary>The listings in <paramref name="output"/>, by method name (the part after the last ':' and before '(').</summary>
    public static IReadOnlyDictionary<string, JitListing> Parse(string output)
    {
        var listings = new Dictionary<string, JitListing>();
        string? method = null;
        bool minOpts = false;
        int calls = 0;
        foreach (string line in output.Split('\n'))
        {
            if (line.StartsWith(Header, StringComparison.Ordinal))
            {
                Close();
                string signature = line[Header.Length..];
                string name = signature[..signature.IndexOf('(', StringComparison.Ordinal)];
                method = name[(name.LastIndexOf(':') + 1)..];
                minOpts = signature.Contains("MinOpts", StringComparison.Ordinal);
                calls = 0;
            }
            else if (line.TrimStart().StartsWith("call ", StringComparison.Ordinal)
                && (line.Contains("InlineArray", StringComparison.Ordinal) || line.Contains("get_Item", StringComparison.Ordinal)))
            {
                calls++;
            }
        }

        Close();
        return listings;

        void Close()
        {
            if (method is not null)
            {
                listings[method] = new JitListing(minOpts, calls);
            }
        }
    }
}
