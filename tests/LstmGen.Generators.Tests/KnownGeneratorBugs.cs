using System.Globalization;
using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Tests;

/// <summary>
/// Generator bugs found by these tests and not fixed yet; <see cref="KnownGeneratorBugTests"/> reproduces each one
/// (skipped, with these texts as the reason). Remove an entry, and unskip its test, once the generator is fixed.
/// </summary>
internal static class KnownGeneratorBugs
{
    /// <summary>
    /// The vector types' <c>Equals</c> calls <c>((ReadOnlySpan&lt;T&gt;)this).SequenceEqual(other)</c>, an extension method
    /// of <c>System.MemoryExtensions</c>: it binds only when the user's project has <c>using System;</c> (e.g. implicit usings).
    /// Fix: <c>global::System.MemoryExtensions.SequenceEqual(...)</c>.
    /// </summary>
    public const string SequenceEqualNeedsUsingSystem =
        "Generator bug: generated Equals calls SequenceEqual as an extension method, which needs the user's 'using System;' (CS1061).";

    /// <summary>
    /// A class declaration whose identifier is missing (mid-typing: <c>[LstmCell(2, 1)] static partial class</c>) is
    /// accepted: the generator emits <c>Samples..g.cs</c> with a nameless class, and two such declarations in one
    /// namespace make it throw (duplicate hint name, CS8785), dropping every cell's output. Fix: reject
    /// <c>declaration.Identifier.IsMissing</c> in the parser.
    /// </summary>
    public const string MissingIdentifierIsAccepted =
        "Generator bug: a cell class with a missing identifier is emitted as '{Namespace}..g.cs'; two of them throw (duplicate hint name).";

    /// <summary>
    /// Roslyn compares hint names case-insensitively, so two valid cells whose full names differ only in case
    /// (<c>Samples.Cell</c> and <c>Samples.CELL</c>) make <c>AddSource</c> throw (CS8785) and every cell's output is lost.
    /// Fix: hint names that stay unique ignoring case (e.g. append a stable hash of the exact name).
    /// </summary>
    public const string HintNamesCollideIgnoringCase =
        "Generator bug: cells whose names differ only in case get hint names Roslyn treats as equal; AddSource throws (CS8785).";

    /// <summary>
    /// Whether <paramref name="diagnostic"/> is excused while <see cref="SequenceEqualNeedsUsingSystem"/> stands. The tests
    /// that excuse it still fail on any other diagnostic.
    /// </summary>
    public static bool IsKnown(Diagnostic diagnostic) =>
        diagnostic.Id == "CS1061"
        && diagnostic.GetMessage(CultureInfo.InvariantCulture).Contains("'SequenceEqual'", StringComparison.Ordinal);
}
