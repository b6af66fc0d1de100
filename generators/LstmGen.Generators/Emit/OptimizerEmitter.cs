using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>The SGD step over the caller's parameters (clipping lives on <c>Gradients</c>).</summary>
internal static class OptimizerEmitter
{
    public static void Emit(SourceWriter w, CellSpec spec)
    {
        string t = ScalarSyntax.For(spec.Scalar).Keyword;
        w.Summary("One step of stochastic gradient descent, <c>θ ← θ − learningRate · dθ</c>, in place on the caller's parameters.");
        w.Param("p", "Parameters θ, updated in place.");
        w.Param("grads", "Gradients dθ (read only; clear them before the next accumulation).");
        w.Param("learningRate", "Step size; must be finite.");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"learningRate\"/> is NaN or infinite.</exception>");
        w.Line($"public static void Sgd(Parameters p, Gradients grads, {t} learningRate)").Open();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(p);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(grads);");
        w.Line($"{RuntimeNames.Optimizers}.Sgd(p.Values, grads.Values, learningRate);");
        w.Close();
    }
}
