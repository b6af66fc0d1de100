namespace LstmGen.Benchmarks;

/// <summary><c>--probe-threshold</c>: unrolled against SIMD kernels around the unroll budget (see ThresholdCells.cs).</summary>
internal static partial class Probe
{
    public static void RunThreshold()
    {
        {
            var p = new T3x5Unrolled.Parameters(Data.Uniform<double>(1, T3x5Unrolled.ParameterCount, 0.3));
            T3x5Unrolled.Input[] xs = [.. Enumerable.Range(0, Data.Steps).Select(t => T3x5Unrolled.Input.FromSpan(Data.Uniform<double>(t, T3x5Unrolled.InputSize, 1.0)))];
            T3x5Unrolled.Hidden[] ys = [.. Enumerable.Range(0, Data.Steps).Select(t => T3x5Unrolled.Hidden.FromSpan(Data.Uniform<double>(100 + t, T3x5Unrolled.HiddenSize, 0.5)))];
            var grads = new T3x5Unrolled.Gradients();
            var workspace = new T3x5Unrolled.Workspace(Data.Steps);
            T3x5Unrolled.State state = default;
            Print("T3x5Unrolled Step", 1, () => state = T3x5Unrolled.Step(p, xs[0], state));
            Print("T3x5Unrolled BPTT per timestep", Data.Steps, () => T3x5Unrolled.LossAndGradients(p, xs, ys, T3x5Unrolled.State.Zero, workspace, grads).Loss);
        }

        {
            var p = new T3x5Simd.Parameters(Data.Uniform<double>(1, T3x5Simd.ParameterCount, 0.3));
            T3x5Simd.Input[] xs = [.. Enumerable.Range(0, Data.Steps).Select(t => T3x5Simd.Input.FromSpan(Data.Uniform<double>(t, T3x5Simd.InputSize, 1.0)))];
            T3x5Simd.Hidden[] ys = [.. Enumerable.Range(0, Data.Steps).Select(t => T3x5Simd.Hidden.FromSpan(Data.Uniform<double>(100 + t, T3x5Simd.HiddenSize, 0.5)))];
            var grads = new T3x5Simd.Gradients();
            var workspace = new T3x5Simd.Workspace(Data.Steps);
            T3x5Simd.State state = default;
            Print("T3x5Simd Step", 1, () => state = T3x5Simd.Step(p, xs[0], state));
            Print("T3x5Simd BPTT per timestep", Data.Steps, () => T3x5Simd.LossAndGradients(p, xs, ys, T3x5Simd.State.Zero, workspace, grads).Loss);
        }

        {
            var p = new T4x6Unrolled.Parameters(Data.Uniform<double>(1, T4x6Unrolled.ParameterCount, 0.3));
            T4x6Unrolled.Input[] xs = [.. Enumerable.Range(0, Data.Steps).Select(t => T4x6Unrolled.Input.FromSpan(Data.Uniform<double>(t, T4x6Unrolled.InputSize, 1.0)))];
            T4x6Unrolled.Hidden[] ys = [.. Enumerable.Range(0, Data.Steps).Select(t => T4x6Unrolled.Hidden.FromSpan(Data.Uniform<double>(100 + t, T4x6Unrolled.HiddenSize, 0.5)))];
            var grads = new T4x6Unrolled.Gradients();
            var workspace = new T4x6Unrolled.Workspace(Data.Steps);
            T4x6Unrolled.State state = default;
            Print("T4x6Unrolled Step", 1, () => state = T4x6Unrolled.Step(p, xs[0], state));
            Print("T4x6Unrolled BPTT per timestep", Data.Steps, () => T4x6Unrolled.LossAndGradients(p, xs, ys, T4x6Unrolled.State.Zero, workspace, grads).Loss);
        }

        {
            var p = new T4x6Simd.Parameters(Data.Uniform<double>(1, T4x6Simd.ParameterCount, 0.3));
            T4x6Simd.Input[] xs = [.. Enumerable.Range(0, Data.Steps).Select(t => T4x6Simd.Input.FromSpan(Data.Uniform<double>(t, T4x6Simd.InputSize, 1.0)))];
            T4x6Simd.Hidden[] ys = [.. Enumerable.Range(0, Data.Steps).Select(t => T4x6Simd.Hidden.FromSpan(Data.Uniform<double>(100 + t, T4x6Simd.HiddenSize, 0.5)))];
            var grads = new T4x6Simd.Gradients();
            var workspace = new T4x6Simd.Workspace(Data.Steps);
            T4x6Simd.State state = default;
            Print("T4x6Simd Step", 1, () => state = T4x6Simd.Step(p, xs[0], state));
            Print("T4x6Simd BPTT per timestep", Data.Steps, () => T4x6Simd.LossAndGradients(p, xs, ys, T4x6Simd.State.Zero, workspace, grads).Loss);
        }

        {
            var p = new T6x8Unrolled.Parameters(Data.Uniform<double>(1, T6x8Unrolled.ParameterCount, 0.3));
            T6x8Unrolled.Input[] xs = [.. Enumerable.Range(0, Data.Steps).Select(t => T6x8Unrolled.Input.FromSpan(Data.Uniform<double>(t, T6x8Unrolled.InputSize, 1.0)))];
            T6x8Unrolled.Hidden[] ys = [.. Enumerable.Range(0, Data.Steps).Select(t => T6x8Unrolled.Hidden.FromSpan(Data.Uniform<double>(100 + t, T6x8Unrolled.HiddenSize, 0.5)))];
            var grads = new T6x8Unrolled.Gradients();
            var workspace = new T6x8Unrolled.Workspace(Data.Steps);
            T6x8Unrolled.State state = default;
            Print("T6x8Unrolled Step", 1, () => state = T6x8Unrolled.Step(p, xs[0], state));
            Print("T6x8Unrolled BPTT per timestep", Data.Steps, () => T6x8Unrolled.LossAndGradients(p, xs, ys, T6x8Unrolled.State.Zero, workspace, grads).Loss);
        }

        {
            var p = new T6x8Simd.Parameters(Data.Uniform<double>(1, T6x8Simd.ParameterCount, 0.3));
            T6x8Simd.Input[] xs = [.. Enumerable.Range(0, Data.Steps).Select(t => T6x8Simd.Input.FromSpan(Data.Uniform<double>(t, T6x8Simd.InputSize, 1.0)))];
            T6x8Simd.Hidden[] ys = [.. Enumerable.Range(0, Data.Steps).Select(t => T6x8Simd.Hidden.FromSpan(Data.Uniform<double>(100 + t, T6x8Simd.HiddenSize, 0.5)))];
            var grads = new T6x8Simd.Gradients();
            var workspace = new T6x8Simd.Workspace(Data.Steps);
            T6x8Simd.State state = default;
            Print("T6x8Simd Step", 1, () => state = T6x8Simd.Step(p, xs[0], state));
            Print("T6x8Simd BPTT per timestep", Data.Steps, () => T6x8Simd.LossAndGradients(p, xs, ys, T6x8Simd.State.Zero, workspace, grads).Loss);
        }

        {
            var p = new T10x16Unrolled.Parameters(Data.Uniform<double>(1, T10x16Unrolled.ParameterCount, 0.3));
            T10x16Unrolled.Input[] xs = [.. Enumerable.Range(0, Data.Steps).Select(t => T10x16Unrolled.Input.FromSpan(Data.Uniform<double>(t, T10x16Unrolled.InputSize, 1.0)))];
            T10x16Unrolled.Hidden[] ys = [.. Enumerable.Range(0, Data.Steps).Select(t => T10x16Unrolled.Hidden.FromSpan(Data.Uniform<double>(100 + t, T10x16Unrolled.HiddenSize, 0.5)))];
            var grads = new T10x16Unrolled.Gradients();
            var workspace = new T10x16Unrolled.Workspace(Data.Steps);
            T10x16Unrolled.State state = default;
            Print("T10x16Unrolled Step", 1, () => state = T10x16Unrolled.Step(p, xs[0], state));
            Print("T10x16Unrolled BPTT per timestep", Data.Steps, () => T10x16Unrolled.LossAndGradients(p, xs, ys, T10x16Unrolled.State.Zero, workspace, grads).Loss);
        }

        {
            var p = new T10x16Simd.Parameters(Data.Uniform<double>(1, T10x16Simd.ParameterCount, 0.3));
            T10x16Simd.Input[] xs = [.. Enumerable.Range(0, Data.Steps).Select(t => T10x16Simd.Input.FromSpan(Data.Uniform<double>(t, T10x16Simd.InputSize, 1.0)))];
            T10x16Simd.Hidden[] ys = [.. Enumerable.Range(0, Data.Steps).Select(t => T10x16Simd.Hidden.FromSpan(Data.Uniform<double>(100 + t, T10x16Simd.HiddenSize, 0.5)))];
            var grads = new T10x16Simd.Gradients();
            var workspace = new T10x16Simd.Workspace(Data.Steps);
            T10x16Simd.State state = default;
            Print("T10x16Simd Step", 1, () => state = T10x16Simd.Step(p, xs[0], state));
            Print("T10x16Simd BPTT per timestep", Data.Steps, () => T10x16Simd.LossAndGradients(p, xs, ys, T10x16Simd.State.Zero, workspace, grads).Loss);
        }
    }
}
