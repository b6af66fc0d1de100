using System.Numerics;
using LstmGen.Kernels;

namespace LstmGen.UnrollLimit.Cells;

/// <summary>
/// Calls every member of a cell's generated <c>Kernel</c> once through the contract (the straight-line overrides of an
/// unrolled cell: forward, backward and inference steps, dense and one-hot, and the head when the cell has one), with
/// zero parameters, so that the JIT compiles each.
/// </summary>
internal static class KernelCalls
{
    public static void Run<TKernel, T>(Action<string, Action> call)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = TKernel.InputSize, h = TKernel.HiddenSize, v = TKernel.OutputSize, s = Recurrent<TKernel, T>.StateLength;
        T[] p = new T[new CellLayout(TKernel.Kind, d, h, v, hasBias: TKernel.HasBias).ParameterCount], dp = new T[p.Length];
        T[] x = new T[d], dx = new T[d], state = new T[s], next = new T[s], dState = new T[s], cache = new T[Recurrent<TKernel, T>.CacheLength];
        call("Kernel.Forward", () => TKernel.Forward(p, x, state, next, cache));
        call("Kernel.ForwardOneHot", () => TKernel.ForwardOneHot(p, d - 1, state, next, cache));
        call("Kernel.Backward", () => TKernel.Backward(p, x, cache, next, dState, dx, dp));
        call("Kernel.BackwardOneHot", () => TKernel.BackwardOneHot(p, d - 1, cache, next, dState, dp));
        call("Kernel.Step", () => TKernel.Step(p, x, state, next));
        call("Kernel.StepOneHot", () => TKernel.StepOneHot(p, d - 1, state, next));
        if (v > 0)
        {
            T[] logits = new T[v], dh = new T[h];
            call("Kernel.HeadForward", () => TKernel.HeadForward(p, state.AsSpan(0, h), logits));
            call("Kernel.HeadBackward", () => TKernel.HeadBackward(p, state.AsSpan(0, h), logits, dh, dp));
        }
    }
}
