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

    /// <summary>The current indentation in columns.</summary>
    public int IndentWidth => _indent * IndentUnit.Length;

    public override string ToString() => _builder.ToString();
}
