using System;
using System.Linq;

namespace LstmGen.Generators.Emit.Unrolled;

/// <summary>
/// The frame of every straight-line member of an unrolled <c>Kernel</c>, shared by the cell kinds: the overriding
/// member's signature, the runtime's checks of the same member, constant-length slices, then the body; the private
/// inline arrays; the softmax head's pair of members.
/// </summary>
internal static class UnrolledMembers
{
    /// <summary>Declares a private inline array of <paramref name="length"/> scalars named <paramref name="name"/>.</summary>
    public static void InlineArray(SourceWriter w, UnrolledCell cell, string name, int length) =>
        w.Line($"[global::System.Runtime.CompilerServices.InlineArray({length})] private struct {name} {{ private {cell.T} _element; }}");

    /// <summary>One overriding member: its signature, the runtime's checks of the same member, constant-length slices, the body.</summary>
    public static void Member(
        SourceWriter w, UnrolledCell cell, string name, (string Type, string Name)[] parameters, string[] constantLength, Action body, bool last = false) =>
        Member(w, cell, name, parameters, constantLength, null, body, last);

    /// <summary>As above, with a declaration on the slices' line (Backward's h_prev).</summary>
    public static void Member(
        SourceWriter w, UnrolledCell cell, string name, (string Type, string Name)[] parameters, string[] constantLength, string? declaration, Action body, bool last = false)
    {
        w.Line("/// <inheritdoc/>");
        w.Signature($"public static void {name}({string.Join(", ", parameters.Select(p => $"{p.Type} {p.Name}"))})", SourceWriter.MaxSignatureWidth);
        w.Open();
        w.Line($"{cell.Checks(name)}({string.Join(", ", parameters.Select(p => p.Name))});");
        string slices = string.Join(" ", new[] { SliceStatements(cell, constantLength), declaration ?? string.Empty }.Where(part => part.Length > 0));
        if (slices.Length > 0)
        {
            w.Line(slices);
        }

        body();
        w.Close();
        if (!last)
        {
            w.Line();
        }
    }

    /// <summary>The softmax head's members, last in the kernel: HeadForward, then HeadBackward.</summary>
    public static void Head(SourceWriter w, UnrolledCell cell)
    {
        string rs = cell.ReadOnlySpan, s = cell.Span;
        Member(w, cell, "HeadForward", [(rs, "p"), (rs, "h"), (s, "logits")], ["p", "h", "logits"],
            () => UnrolledHead.EmitForwardBody(w, cell));
        Member(w, cell, "HeadBackward", [(rs, "p"), (rs, "h"), (rs, "dLogits"), (s, "dh"), (s, "dp")], ["p", "h", "dLogits", "dh", "dp"],
            () => UnrolledHead.EmitBackwardBody(w, cell), last: true);
    }

    /// <summary><c>a = a.Slice(0, n); b = b.Slice(0, m);</c> on one line (nothing for no spans).</summary>
    public static void SliceLine(SourceWriter w, UnrolledCell cell, string[] spans)
    {
        if (spans.Length > 0)
        {
            w.Line(SliceStatements(cell, spans));
        }
    }

    /// <summary><c>a = a.Slice(0, n); b = b.Slice(0, m);</c>, each span sliced to its constant length.</summary>
    public static string SliceStatements(UnrolledCell cell, string[] spans) =>
        string.Join(" ", spans.Select(span => $"{span} = {span}.Slice(0, {cell.Length(span)});"));
}
