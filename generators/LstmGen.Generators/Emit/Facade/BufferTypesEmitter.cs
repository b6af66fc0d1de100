using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>
/// Emits <c>Parameters</c>, <c>Gradients</c> and <c>Workspace</c>: the runtime's generic buffers
/// (<c>LstmGen.Parameters&lt;TKernel, T&gt;</c> …) under the cell's own names, constructors only.
/// </summary>
internal static class BufferTypesEmitter
{
    public static void Emit(SourceWriter w, CellSpec spec)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        string cell = spec.TypeName;
        Buffer(w, t, "Parameters", $"The parameters θ of {cell}: one flat buffer of ParameterCount = {spec.ParameterCount} values (see <see cref=\"Layout\"/>).");
        Buffer(w, t, "Gradients", $"Gradients of a loss with respect to every parameter of {cell}, in the layout of <see cref=\"Parameters\"/>.");

        w.Doc("summary", $"Scratch buffers of {cell} for the one-call training functions, allocated once and reused.");
        w.Line($"public sealed class Workspace : global::LstmGen.Workspace<Kernel, {t}>").Open();
        w.Line($"/// <inheritdoc cref=\"global::LstmGen.Workspace{{TKernel, T}}.Workspace(int, int)\"/>");
        w.Line("public Workspace(int maxSteps, int maxBatch = 1) : base(maxSteps, maxBatch) { }");
        w.Close().Line();
    }

    private static void Buffer(SourceWriter w, string t, string name, string summary)
    {
        w.Doc("summary", summary);
        w.Line($"public sealed class {name} : global::LstmGen.{name}<Kernel, {t}>").Open();
        w.Line($"/// <inheritdoc cref=\"global::LstmGen.{name}{{TKernel, T}}.{name}()\"/>");
        w.Line($"public {name}() {{ }}");
        w.Line($"/// <inheritdoc cref=\"global::LstmGen.{name}{{TKernel, T}}.{name}(global::System.ReadOnlySpan{{T}})\"/>");
        w.Line($"public {name}(global::System.ReadOnlySpan<{t}> values) : base(values) {{ }}");
        w.Close().Line();
    }
}
