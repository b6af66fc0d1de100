using System;
using System.Text;

namespace LstmGen.Generators.Emit;

/// <summary>A minimal indented text writer for generated C#; lines end with <c>\n</c> on every platform.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();
    private int _indent;

    /// <summary>Writes one line at the current indentation (an empty line has no trailing spaces).</summary>
    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (int i = 0; i < _indent; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes several lines, each at the current indentation.</summary>
    public SourceWriter Lines(string text)
    {
        foreach (string line in text.Split('\n'))
        {
            Line(line.TrimEnd('\r'));
        }

        return this;
    }

    /// <summary>Writes <c>{</c> and indents.</summary>
    public SourceWriter Open()
    {
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Unindents and writes <c>}</c> followed by <paramref name="suffix"/>.</summary>
    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        if (_indent < 0)
        {
            throw new InvalidOperationException("Unbalanced braces in generated source.");
        }

        return Line("}" + suffix);
    }

    /// <summary>Writes a <c>/// &lt;summary&gt;</c> block; <paramref name="text"/> may span several lines.</summary>
    public SourceWriter Summary(string text)
    {
        Line("/// <summary>");
        foreach (string line in text.Split('\n'))
        {
            Line("/// " + line);
        }

        return Line("/// </summary>");
    }

    /// <summary>Writes a one-line XML doc element such as <c>param</c> or <c>returns</c>.</summary>
    public SourceWriter Doc(string element, string text) => Line($"/// <{element}>{text}</{element.Split(' ')[0]}>");

    /// <summary>Writes a <c>/// &lt;param&gt;</c> line.</summary>
    public SourceWriter Param(string name, string text) => Line($"/// <param name=\"{name}\">{text}</param>");

    /// <summary>
    /// The widest signature kept on one line. Wider ones (the typed batch functions) wrap their parameters; narrower
    /// ones stay whole, since every wrapped signature costs a line and a cell's file has a line budget (issue 13).
    /// </summary>
    public const int MaxSignatureWidth = 300;

    /// <summary>
    /// Writes a member's signature (ending in its parameter list's <c>)</c>). Past <paramref name="width"/> columns the
    /// parameters move to the next lines, one indent deeper, as many to a line as fit in the width.
    /// </summary>
    /// <returns>Whether the signature was wrapped.</returns>
    public bool Signature(string signature, int width)
    {
        if (IndentWidth + signature.Length <= width)
        {
            Line(signature);
            return false;
        }

        int open = signature.IndexOf('(');
        var parameters = SplitParameters(signature.Substring(open + 1, signature.Length - open - 2));
        Line(signature.Substring(0, open + 1));
        _indent++;
        var line = new StringBuilder();
        for (int i = 0; i < parameters.Count; i++)
        {
            string piece = parameters[i] + (i < parameters.Count - 1 ? "," : ")");
            if (line.Length > 0 && IndentWidth + line.Length + 1 + piece.Length > width)
            {
                Line(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(piece);
        }

        Line(line.ToString());
        _indent--;
        return true;
    }

    // The parameters of a list, split at the commas outside <…>, (…) and {…}.
    private static System.Collections.Generic.List<string> SplitParameters(string list)
    {
        var parts = new System.Collections.Generic.List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < list.Length; i++)
        {
            char c = list[i];
            if (c is '<' or '(' or '{')
            {
                depth++;
            }
            else if (c is '>' or ')' or '}')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                parts.Add(list.Substring(start, i - start).Trim());
                start = i + 1;
            }
        }

        parts.Add(list.Substring(start).Trim());
        return parts;
    }

    /// <summary>The current indentation in columns.</summary>
    public int IndentWidth => _indent * IndentUnit.Length;

    public override string ToString() => _builder.ToString();
}
