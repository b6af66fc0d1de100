namespace LstmGen.Package.Tests;

/// <summary>The consumer's cell, declared here too (through the repository's generator) to compute the expected loss.</summary>
[LstmCell(inputSize: 2, hiddenSize: 1)]
public static partial class TinyLstm;

/// <summary>The consumer program's computation, shared verbatim with the text written into its Program.cs.</summary>
internal static class ConsumerProgram
{
    /// <summary>The body of the consumer's Program.cs (after its usings): one LSTM training step, printing the loss.</summary>
    public const string Body = """
        var p = new TinyLstm.Parameters();
        p.W(LstmGate.Input, 0, 0) = 0.95;
        p.B(LstmGate.Candidate, 0) = 0.5;
        TinyLstm.Input[] xs = [TinyLstm.Input.FromSpan([1.0, 2.0]), TinyLstm.Input.FromSpan([0.5, 3.0])];
        TinyLstm.Hidden[] ys = [TinyLstm.Hidden.FromSpan([0.5]), TinyLstm.Hidden.FromSpan([1.25])];
        var grads = new TinyLstm.Gradients();
        var (loss, _) = TinyLstm.LossAndGradients(p, xs, ys, TinyLstm.State.Zero, new TinyLstm.Workspace(maxSteps: 2), grads);
        TinyLstm.Sgd(p, grads, learningRate: 0.1);
        var (after, _) = TinyLstm.LossAndGradients(p, xs, ys, TinyLstm.State.Zero, new TinyLstm.Workspace(maxSteps: 2), new TinyLstm.Gradients());
        System.Console.WriteLine(System.FormattableString.Invariant($"loss {loss:R} -> {after:R}"));
        """;

    /// <summary>The same computation in-process: what the consumer must print.</summary>
    public static string Expected()
    {
        var p = new TinyLstm.Parameters();
        p.W(LstmGate.Input, 0, 0) = 0.95;
        p.B(LstmGate.Candidate, 0) = 0.5;
        TinyLstm.Input[] xs = [TinyLstm.Input.FromSpan([1.0, 2.0]), TinyLstm.Input.FromSpan([0.5, 3.0])];
        TinyLstm.Hidden[] ys = [TinyLstm.Hidden.FromSpan([0.5]), TinyLstm.Hidden.FromSpan([1.25])];
        var grads = new TinyLstm.Gradients();
        var (loss, _) = TinyLstm.LossAndGradients(p, xs, ys, TinyLstm.State.Zero, new TinyLstm.Workspace(maxSteps: 2), grads);
        TinyLstm.Sgd(p, grads, learningRate: 0.1);
        var (after, _) = TinyLstm.LossAndGradients(p, xs, ys, TinyLstm.State.Zero, new TinyLstm.Workspace(maxSteps: 2), new TinyLstm.Gradients());
        return FormattableString.Invariant($"loss {loss:R} -> {after:R}");
    }
}
