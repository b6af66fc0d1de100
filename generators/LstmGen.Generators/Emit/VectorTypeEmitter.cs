namespace LstmGen.Generators.Emit;

/// <summary>
/// Emits a fixed-size vector as a C# inline array: a value type whose length is part of its type, so
/// passing a vector of another cell (another size) is a compile error.
/// </summary>
internal static class VectorTypeEmitter
{
    /// <param name="w">The writer.</param>
    /// <param name="name">Type name, e.g. <c>Input</c>.</param>
    /// <param name="lengthConstant">Name of the length constant, e.g. <c>InputSize</c>.</param>
    /// <param name="length">The length's value.</param>
    /// <param name="what">Human description used in docs and error messages, e.g. "input vector x of TinyLstm (D = 2)".</param>
    /// <param name="scalar">The scalar type.</param>
    public static void Emit(SourceWriter w, string name, string lengthConstant, int length, string what, ScalarSyntax scalar)
    {
        string t = scalar.Keyword;
        w.Summary($"The {what}: {length} value(s) of type <see cref=\"{t}\"/> stored inline (a value type; nothing on the heap).");
        w.Line("/// <remarks>");
        w.Line($"/// Index it like an array (<c>v[0]</c>) and convert it to <see cref=\"global::System.Span{{T}}\"/> implicitly;");
        w.Line($"/// build one from any span with <see cref=\"FromSpan\"/>, which checks the length.");
        w.Line("/// </remarks>");
        w.Line($"[global::System.Runtime.CompilerServices.InlineArray({lengthConstant})]");
        w.Line($"public struct {name} : global::System.IEquatable<{name}>").Open();
        w.Line($"private {t} _element0;");
        w.Line();

        w.Summary($"Copies exactly {length} value(s) into a new {name}.");
        w.Param("values", $"The values; must have exactly {length} element(s).");
        w.Line($"/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"values\"/> does not have {length} element(s).</exception>");
        w.Line($"public static {name} FromSpan(global::System.ReadOnlySpan<{t}> values)").Open();
        w.Line($"{RuntimeNames.Guard}.Length(values.Length, {lengthConstant}, \"{what}\", nameof(values));");
        w.Line($"{name} result = default;");
        w.Line("values.CopyTo(result);");
        w.Line("return result;");
        w.Close();
        w.Line();

        w.Summary($"Copies the {length} value(s) into <paramref name=\"destination\"/>.");
        w.Param("destination", $"Where to copy; must have exactly {length} element(s).");
        w.Line($"/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"destination\"/> does not have {length} element(s).</exception>");
        w.Line($"public readonly void CopyTo(global::System.Span<{t}> destination)").Open();
        w.Line($"{RuntimeNames.Guard}.Length(destination.Length, {lengthConstant}, \"destination for the {what}\", nameof(destination));");
        w.Line($"((global::System.ReadOnlySpan<{t}>)this).CopyTo(destination);");
        w.Close();
        w.Line();

        w.Summary("Copies the values into a new array (allocates; not for hot paths).");
        w.Line($"public readonly {t}[] ToArray() => ((global::System.ReadOnlySpan<{t}>)this).ToArray();");
        w.Line();

        w.Summary("Element-wise equality (<see cref=\"double.Equals(double)\"/> semantics: NaN equals NaN).");
        w.Line($"public readonly bool Equals({name} other) => global::System.MemoryExtensions.SequenceEqual((global::System.ReadOnlySpan<{t}>)this, other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override readonly bool Equals(object? obj) => obj is {name} other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override readonly int GetHashCode()").Open();
        w.Line("var hash = new global::System.HashCode();");
        w.Line($"foreach ({t} value in this)").Open();
        w.Line("hash.Add(value);");
        w.Close();
        w.Line();
        w.Line("return hash.ToHashCode();");
        w.Close();
        w.Line();
        w.Summary("The values as <c>[v0, v1, ...]</c> in round-trip format.");
        w.Line("public override readonly string ToString() =>");
        w.Line($"    \"[\" + string.Join(\", \", global::System.Linq.Enumerable.Select(ToArray(), v => v.ToString(\"R\", global::System.Globalization.CultureInfo.InvariantCulture))) + \"]\";");
        w.Line();
        w.Summary("Element-wise equality.");
        w.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        w.Line();
        w.Summary("Element-wise inequality.");
        w.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        w.Close();
    }
}
