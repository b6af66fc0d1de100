using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>Emits the caller-owned scratch buffers of the one-call loss functions.</summary>
internal static class WorkspaceEmitter
{
    public static void Emit(SourceWriter w, CellSpec spec)
    {
        w.Summary(
            "Scratch buffers for the one-call loss functions (<see cref=\"LossAndGradients(Parameters, global::System.ReadOnlySpan{Input}, global::System.ReadOnlySpan{Hidden}, in State, Workspace, Gradients)\"/> and friends)\n" +
            "over up to <see cref=\"MaxSteps\"/> steps of up to <see cref=\"MaxBatch\"/> sequences, allocated once by the caller\n" +
            "and reused by every call (nothing is allocated per call). Buffers are time-major: step t of sequence b is at t * batch + b.");
        w.Line("public sealed class Workspace").Open();
        w.Line("private readonly StepCache[] _caches;");
        w.Line("private readonly Hidden[] _outputs;");
        w.Line("private readonly Hidden[] _outputGradients;");
        w.Line("private readonly State[] _states;");
        w.Line();
        w.Summary("Allocates buffers for up to <paramref name=\"maxSteps\"/> steps of up to <paramref name=\"maxBatch\"/> sequences.");
        w.Param("maxSteps", "Longest sequence the workspace will serve; at least 1.");
        w.Param("maxBatch", "Largest batch the workspace will serve; at least 1.");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">A size is less than 1, or maxSteps x maxBatch exceeds <see cref=\"global::System.Array.MaxLength\"/>.</exception>");
        w.Line("public Workspace(int maxSteps, int maxBatch = 1)").Open();
        w.Line("global::System.ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);");
        w.Line("global::System.ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);");
        w.Line("MaxSteps = maxSteps;");
        w.Line("MaxBatch = maxBatch;");
        w.Line($"_caches = new StepCache[{RuntimeNames.Guard}.BufferLength(maxSteps, maxBatch, nameof(maxSteps), nameof(maxBatch))];");
        w.Line("_outputs = new Hidden[_caches.Length];");
        w.Line("_outputGradients = new Hidden[_caches.Length];");
        w.Line("_states = new State[maxBatch];");
        w.Close();
        w.Line();
        w.Summary("Longest sequence this workspace serves.");
        w.Line("public int MaxSteps { get; }");
        w.Line();
        w.Summary("Largest batch this workspace serves.");
        w.Line("public int MaxBatch { get; }");
        w.Line();
        w.Summary("Step caches of the last call (the first T * batch are valid).");
        w.Line("public global::System.Span<StepCache> Caches => _caches;");
        w.Line();
        w.Summary("Hidden outputs h_t of the last call (the first T * batch are valid).");
        w.Line("public global::System.Span<Hidden> Outputs => _outputs;");
        w.Line();
        w.Summary("Loss gradients dL/dh_t of the last call (the first T * batch are valid).");
        w.Line("public global::System.Span<Hidden> OutputGradients => _outputGradients;");
        w.Line();
        w.Summary("Final states of the last batched call (the first batch are valid).");
        w.Line("public global::System.Span<State> States => _states;");
        w.Close();
    }
}
