using System.Globalization;
using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;

namespace LstmGen.Snapshots;

/// <summary>Renders a readable, unified-style line diff (verified → received) with line numbers, made with DiffPlex.</summary>
internal static class SnapshotDiff
{
    /// <summary>Unchanged lines shown around each change.</summary>
    public const int ContextLines = 3;

    /// <summary>Most lines of diff or content shown in a message.</summary>
    public const int MaxLines = 200;

    private enum Kind { Same, Removed, Added }

    /// <summary>One line of the full edit script; positions are 0-based indexes into each side.</summary>
    private readonly record struct Edit(Kind Kind, int OldPos, int NewPos, string Text);

    /// <summary>Only the changed lines, each with <see cref="ContextLines"/> lines of context, capped at <see cref="MaxLines"/>.</summary>
    public static string Render(string verified, string received)
    {
        DiffResult diff = Differ.Instance.CreateDiffs(verified, received, false, false, LineChunker.Instance);
        List<Edit> edits = BuildEditScript(diff);
        var output = new List<string>();
        for (int i = 0; i < edits.Count;)
        {
            if (!IsNearChange(edits, i))
            {
                i++;
                continue;
            }

            int end = i;
            while (end < edits.Count && IsNearChange(edits, end))
            {
                end++;
            }

            output.Add(HunkHeader(edits, i, end));
            for (int j = i; j < end; j++)
            {
                output.Add(FormatEdit(edits[j]));
            }

            i = end;
        }

        if (verified.EndsWith('\n') != received.EndsWith('\n'))
        {
            output.Add(verified.EndsWith('\n') ? @"\ No newline at end of received" : @"\ No newline at end of verified");
        }

        return Cap(output);
    }

    /// <summary>The whole text with line numbers, capped at <see cref="MaxLines"/>.</summary>
    public static string Numbered(string text)
    {
        string[] lines = text.Split('\n');
        if (text.EndsWith('\n'))
        {
            lines = lines[..^1];
        }

        return Cap(lines.Select((line, index) => string.Create(CultureInfo.InvariantCulture, $"{index + 1,5}  {line}")).ToList());
    }

    private static List<Edit> BuildEditScript(DiffResult diff)
    {
        var edits = new List<Edit>();
        int a = 0, b = 0;
        foreach (DiffBlock block in diff.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++, b++)
            {
                edits.Add(new Edit(Kind.Same, a, b, diff.PiecesOld[a]));
            }

            for (int k = 0; k < block.DeleteCountA; k++, a++)
            {
                edits.Add(new Edit(Kind.Removed, a, b, diff.PiecesOld[a]));
            }

            for (int k = 0; k < block.InsertCountB; k++, b++)
            {
                edits.Add(new Edit(Kind.Added, a, b, diff.PiecesNew[b]));
            }
        }

        for (; a < diff.PiecesOld.Count; a++, b++)
        {
            edits.Add(new Edit(Kind.Same, a, b, diff.PiecesOld[a]));
        }

        return edits;
    }

    private static bool IsNearChange(List<Edit> edits, int index)
    {
        int from = Math.Max(0, index - ContextLines);
        int to = Math.Min(edits.Count - 1, index + ContextLines);
        for (int i = from; i <= to; i++)
        {
            if (edits[i].Kind != Kind.Same)
            {
                return true;
            }
        }

        return false;
    }

    private static string HunkHeader(List<Edit> edits, int start, int end)
    {
        int oldCount = 0, newCount = 0;
        for (int i = start; i < end; i++)
        {
            oldCount += edits[i].Kind == Kind.Added ? 0 : 1;
            newCount += edits[i].Kind == Kind.Removed ? 0 : 1;
        }

        // Unified diff convention: an empty range starts at the line before it.
        int oldStart = edits[start].OldPos + (oldCount == 0 ? 0 : 1);
        int newStart = edits[start].NewPos + (newCount == 0 ? 0 : 1);
        return string.Create(CultureInfo.InvariantCulture, $"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@");
    }

    private static string FormatEdit(Edit edit) => edit.Kind switch
    {
        Kind.Removed => string.Create(CultureInfo.InvariantCulture, $"-{edit.OldPos + 1,5}       {edit.Text}"),
        Kind.Added => string.Create(CultureInfo.InvariantCulture, $"+      {edit.NewPos + 1,5} {edit.Text}"),
        _ => string.Create(CultureInfo.InvariantCulture, $" {edit.OldPos + 1,5} {edit.NewPos + 1,5} {edit.Text}"),
    };

    private static string Cap(List<string> lines)
    {
        var text = new StringBuilder();
        foreach (string line in lines.Take(MaxLines))
        {
            text.Append(line).Append('\n');
        }

        if (lines.Count > MaxLines)
        {
            text.Append(CultureInfo.InvariantCulture, $"... {lines.Count - MaxLines} more lines not shown\n");
        }

        return text.ToString();
    }
}
