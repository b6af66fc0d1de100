using System.Text;

namespace LstmGen.Analyzers.Tests.Fuzz;

/// <summary>
/// Writes random cell declarations: random attribute arguments (valid, out of range, undefined enum values, wrong
/// types, non-constant, missing, extra, repeated), odd types (structs, records, interfaces, abstract, file-local,
/// generic, keyword and clashing names, missing names), nesting in partial and non-partial, generic and file-local
/// types, user members, base classes, and random character deletions and insertions. The same seed gives the same cases.
/// </summary>
internal sealed class DeclarationFuzzer(int seed)
{
    private static readonly string[] ValidSizes = ["1", "2", "3", "4", "5", "8", "16", "33", "128", "4096", "1 + 1", "Sizes.C", "(int)3.9"];

    private static readonly string[] OddSizes = ["4097", "0", "-1", "int.MaxValue", "int.MinValue", "\"2\"", "2.5", "Sizes.D", "null", "default"];

    private static readonly string[] ValidNamed =
    [
        "Scalar = ScalarType.Double", "Scalar = ScalarType.Float", "Kernel = KernelStrategy.Auto", "Kernel = KernelStrategy.Unrolled",
        "Kernel = KernelStrategy.Loops", "Kernel = KernelStrategy.Simd", "Output = OutputHead.None", "OutputSize = 0",
    ];

    private static readonly string[] OddNamed =
    [
        "Scalar = (ScalarType)7", "Scalar = 1", "Scalar = ScalarType.Half", "Kernel = (KernelStrategy)(-3)", "Output = OutputHead.Softmax",
        "Output = (OutputHead)2", "OutputSize = 1", "OutputSize = 10", "OutputSize = -1", "OutputSize = 5000", "OutputSize = Sizes.C", "Unknown = 1",
    ];

    private static readonly string[] Names =
    [
        "Input", "Forward", "Softmax", "Workspace", "@class", "cell", "Ünïcödé", "", "MyLstm", "Rnn2",
    ];

    private static readonly string[] Members =
    [
        "public static int Train() => 1;", "private static readonly int Helper = 2;", "public static int Forward() => 0;",
        "public static int Train() => 1;", "private static readonly int Helper = 2;", "internal static double Rate = 0.1;",
        "public sealed class Input { }", "public const int InputSize = 2;", "public static void Softmax() { }",
        "public int Instance { get; set; }", "int x = ;", "public static void Sgd(int learningRate) { }", "/// <summary>doc</summary>",
    ];

    private readonly Random _random = new(seed);

    /// <summary>The case at <paramref name="index"/> (cases must be drawn in order).</summary>
    public FuzzCase Next(int index)
    {
        var body = new StringBuilder();
        bool binds = WriteAttributes(body);
        WriteDeclaration(body);
        string declaration = body.ToString();

        bool mutated = Chance(0.08);
        if (mutated)
        {
            declaration = Mutate(declaration);
        }

        // File-scoped namespace: whatever a mutation breaks, the case stays in its own namespace.
        string source = $"using LstmGen;\n\nnamespace Fuzz{index};\n\n"
            + "public static class Sizes { public static int D = 2; public const int C = 3; }\n"
            + "public class Base { public void Backward() { } protected int Helper; }\n"
            + "public class Plain { }\n\n"
            + declaration;
        return new FuzzCase(index, source, binds, mutated);
    }

    private bool WriteAttributes(StringBuilder s)
    {
        (string name, bool binds) = Pick(
            ("LstmCell", true), ("LstmCell", true), ("LstmCell", true), ("LstmCell", true), ("RnnCell", true), ("RnnCell", true), ("RnnCell", true),
            ("GruCell", true), ("GruCell", true), ("global::LstmGen.GruCellAttribute", true), ("LstmGen.LstmCell", true), ("LstmCellAttribute", true), ("global::LstmGen.RnnCellAttribute", true), ("LstmCel", false));
        s.Append('[').Append(name).Append(Arguments());
        if (Chance(0.05))
        {
            // A second cell attribute, in its own list or in the same one.
            s.Append(Chance(0.5) ? "]\n[" : ", ").Append(Pick("LstmCell", "RnnCell", "GruCell")).Append(Arguments());
        }

        s.Append(']');

        s.Append('\n');
        return binds;
    }

    private string Arguments()
    {
        if (Chance(0.03))
        {
            return "";
        }

        var arguments = new List<string>();
        int positional = Chance(0.95) ? 2 : Pick(0, 1, 3);
        string d = Size(), h = Size();
        if (positional == 2 && Chance(0.1))
        {
            arguments.Add($"hiddenSize: {h}");
            arguments.Add($"inputSize: {d}");
        }
        else
        {
            for (int i = 0; i < positional; i++)
            {
                arguments.Add(i == 0 ? d : i == 1 ? h : Size());
            }
        }

        if (Chance(0.15))
        {
            // A consistent softmax head, or one with a size out of range.
            arguments.Add("Output = OutputHead.Softmax");
            arguments.Add($"OutputSize = {Size()}");
        }

        int named = Pick(0, 0, 1, 1, 2, 3);
        for (int i = 0; i < named; i++)
        {
            arguments.Add(Chance(0.7) ? Pick(ValidNamed) : Pick(OddNamed));
        }

        return "(" + string.Join(", ", arguments) + ")";
    }

    private void WriteDeclaration(StringBuilder s)
    {
        int depth = Chance(0.15) ? _random.Next(1, 3) : 0;
        var closers = new Stack<string>();
        for (int i = 0; i < depth; i++)
        {
            string kind = Pick("class", "struct", "record", "interface", "static class", "class");
            string modifiers = (Chance(0.03) ? "file " : "public ") + (Chance(0.9) ? "partial " : "");
            if (kind == "static class")
            {
                modifiers = modifiers.Replace("partial ", "") + "static " + (modifiers.Contains("partial", StringComparison.Ordinal) ? "partial " : "");
                kind = "class";
            }

            s.Append(modifiers).Append(kind).Append(" Outer").Append(i).Append(Chance(0.1) ? "<T>" : "").Append("\n{\n");
            closers.Push("}\n");
        }

        string typeKind = Chance(0.92) ? "class" : Pick("struct", "record", "interface", "record struct");
        var mods = new List<string>();
        mods.Add(depth > 0 ? Pick("public", "private", "internal") : Pick("public", "internal", ""));
        bool isStatic = typeKind == "class" && Chance(0.5);
        if (isStatic)
        {
            mods.Add("static");
        }
        else if (typeKind == "class" && Chance(0.05))
        {
            mods.Add("abstract");
        }
        else if (typeKind == "class" && Chance(0.05))
        {
            mods.Add("sealed");
        }

        if (Chance(0.02))
        {
            mods[0] = "file";
        }

        if (Chance(0.93))
        {
            mods.Add("partial");
        }

        string name = Chance(0.85) ? "Cell" : Pick(Names);
        string generic = Chance(0.05) ? "<T>" : "";
        string baseList = !isStatic && typeKind == "class" && Chance(0.08) ? Pick(" : Base", " : Plain") : "";
        s.Append(string.Join(' ', mods.Where(m => m.Length > 0))).Append(' ').Append(typeKind).Append(' ').Append(name).Append(generic).Append(baseList);

        if (Chance(0.4))
        {
            s.Append(";\n");
        }
        else
        {
            s.Append("\n{\n");
            int members = Chance(0.6) ? 0 : _random.Next(1, 3);
            for (int i = 0; i < members; i++)
            {
                s.Append("    ").Append(Pick(Members)).Append('\n');
            }

            s.Append("}\n");
        }

        if (Chance(0.05) && name.Length > 0 && typeKind == "class")
        {
            // A second declaration of the same class, partial or not.
            s.Append(isStatic ? "static " : "").Append(Chance(0.7) ? "partial " : "").Append("class ").Append(name).Append(generic).Append(" { }\n");
        }

        while (closers.Count > 0)
        {
            s.Append(closers.Pop());
        }
    }

    private string Mutate(string text)
    {
        var s = new StringBuilder(text);
        int edits = _random.Next(1, 4);
        for (int i = 0; i < edits && s.Length > 1; i++)
        {
            int at = _random.Next(s.Length);
            if (Chance(0.6))
            {
                s.Remove(at, 1);
            }
            else
            {
                s.Insert(at, Pick("}", "{", ")", "(", ",", ";", "[", "]", "=", "<", "\"", "/*", "#if X\n"));
            }
        }

        return s.ToString();
    }

    private string Size() => Chance(0.87) ? Pick(ValidSizes) : Pick(OddSizes);

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(params T[] items) => items[_random.Next(items.Length)];
}
