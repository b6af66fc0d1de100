using LstmGen.TestSupport;
using LstmGen.Models.Tests.Support;
using Large = LstmGen.TestCells.Lstm10x128Double;
using Small = LstmGen.TestCells.Lstm2x1Double;

namespace LstmGen.Models.Tests.Allocation;

/// <summary>
/// After warm-up, none of the generated functions allocates: <c>GC.GetAllocatedBytesForCurrentThread()</c> advances by
/// exactly 0 bytes (tolerance 0) over repeated calls of Forward, the streaming Step and StepOneHot, Backward,
/// ForwardSequence, Bptt (with and without input gradients), both MseLoss overloads, LossAndGradients, Sgd and
/// Gradients.Clear, for a small unrolled cell (2, 1) and a large SIMD cell (10, 128).
/// </summary>
/// <remarks>
/// Each operation is a pre-built <see cref="Action"/> over buffers allocated beforehand; <see cref="AllocationMeter"/>
/// (shared with the model tests) warms each up and measures it.
/// </remarks>
public sealed class LstmAllocationTests
{
    private const int Steps = 5;

    [Fact]
    public void Small_unrolled_cell_allocates_nothing() => AllocationMeter.AssertNoAllocations(SmallOperations(), minimumOperations: 10);

    [Fact]
    public void Large_simd_cell_allocates_nothing() => AllocationMeter.AssertNoAllocations(LargeOperations(), minimumOperations: 10);

    private static Dictionary<string, Action> SmallOperations()
    {
        var (reference, problem) = SequenceProblems.Random(5, Small.InputSize, Small.HiddenSize, Steps, roundToFloat: false);
        var p = new Small.Parameters();
        GateAccess.Write<double>(reference, p.W, p.U, p.B);
        Vec2<double>[] xs = [.. problem.Xs.Select(x => Vec2<double>.FromSpan(x))];
        Vec1<double>[] ys = [.. problem.Ys.Select(y => Vec1<double>.FromSpan(y))];
        var initial = new Small.State(Vec1<double>.FromSpan(problem.H0), Vec1<double>.FromSpan(problem.C0));
        int cacheLength = Small.CacheLength;
        var caches = new double[Steps * cacheLength];
        var outputs = new Vec1<double>[Steps];
        var dh = new Vec1<double>[Steps];
        var dx = new Vec2<double>[Steps];
        var grads = new Small.Gradients();
        var workspace = new Small.Workspace(Steps);
        Small.ForwardSequence(p, xs, initial, caches, outputs);
        Small.MseLoss(outputs, ys, dh);
        Small.State state = initial;
        (Vec2<double> Dx, Small.StateGradient Carry) back = default;
        Vec1<double> dhOne = default;
        double sink = 0;
        return new()
        {
            ["Forward"] = () => state = Small.Forward(p, xs[0], initial, caches.AsSpan(0, cacheLength)),
            ["Step"] = () => state = Small.Step(p, xs[0], state),
            ["StepOneHot"] = () => state = Small.StepOneHot(p, 1, state),
            ["Backward"] = () => back = Small.Backward(p, xs[Steps - 1], caches.AsSpan((Steps - 1) * cacheLength, cacheLength), dh[Steps - 1], back.Carry, grads),
            ["ForwardSequence"] = () => Small.ForwardSequence(p, xs, initial, caches, outputs),
            ["Bptt"] = () => Small.Bptt(p, xs, caches, dh, grads, dx),
            ["Bptt (no dx)"] = () => Small.Bptt(p, xs, caches, dh, grads, default),
            ["MseLoss (one step)"] = () => sink += Small.MseLoss(outputs[0], ys[0], out dhOne),
            ["MseLoss (sequence)"] = () => sink += Small.MseLoss(outputs, ys, dh),
            ["LossAndGradients"] = () => sink += Small.LossAndGradients(p, xs, ys, initial, workspace, grads).Loss,
            ["Sgd"] = () => Small.Sgd(p, grads, 1e-12),
            ["Gradients.Clear"] = grads.Clear,
        };
    }

    private static Dictionary<string, Action> LargeOperations()
    {
        var (reference, problem) = SequenceProblems.Random(6, Large.InputSize, Large.HiddenSize, Steps, roundToFloat: false);
        var p = new Large.Parameters();
        GateAccess.Write<double>(reference, p.W, p.U, p.B);
        Vec10<double>[] xs = [.. problem.Xs.Select(x => Vec10<double>.FromSpan(x))];
        Vec128<double>[] ys = [.. problem.Ys.Select(y => Vec128<double>.FromSpan(y))];
        var initial = new Large.State(Vec128<double>.FromSpan(problem.H0), Vec128<double>.FromSpan(problem.C0));
        int cacheLength = Large.CacheLength;
        var caches = new double[Steps * cacheLength];
        var outputs = new Vec128<double>[Steps];
        var dh = new Vec128<double>[Steps];
        var dx = new Vec10<double>[Steps];
        var grads = new Large.Gradients();
        var workspace = new Large.Workspace(Steps);
        Large.ForwardSequence(p, xs, initial, caches, outputs);
        Large.MseLoss(outputs, ys, dh);
        Large.State state = initial;
        (Vec10<double> Dx, Large.StateGradient Carry) back = default;
        Vec128<double> dhOne = default;
        double sink = 0;
        return new()
        {
            ["Forward"] = () => state = Large.Forward(p, xs[0], initial, caches.AsSpan(0, cacheLength)),
            ["Step"] = () => state = Large.Step(p, xs[0], state),
            ["StepOneHot"] = () => state = Large.StepOneHot(p, 1, state),
            ["Backward"] = () => back = Large.Backward(p, xs[Steps - 1], caches.AsSpan((Steps - 1) * cacheLength, cacheLength), dh[Steps - 1], back.Carry, grads),
            ["ForwardSequence"] = () => Large.ForwardSequence(p, xs, initial, caches, outputs),
            ["Bptt"] = () => Large.Bptt(p, xs, caches, dh, grads, dx),
            ["Bptt (no dx)"] = () => Large.Bptt(p, xs, caches, dh, grads, default),
            ["MseLoss (one step)"] = () => sink += Large.MseLoss(outputs[0], ys[0], out dhOne),
            ["MseLoss (sequence)"] = () => sink += Large.MseLoss(outputs, ys, dh),
            ["LossAndGradients"] = () => sink += Large.LossAndGradients(p, xs, ys, initial, workspace, grads).Loss,
            ["Sgd"] = () => Large.Sgd(p, grads, 1e-12),
            ["Gradients.Clear"] = grads.Clear,
        };
    }
}
