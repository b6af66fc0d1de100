using System.Numerics;
using LstmGen.Kernels;

namespace LstmGen.UnrollLimit.Cells;

/// <summary>
/// Calls every member of a cell's typed API once, through <see cref="TypedCell{TKernel, T}"/> (the generic code the
/// generated one-line forwards call, compiled by the JIT for this cell): steps dense and one-hot, forward and backward,
/// batches, the one-call training functions, and with a head the cross-entropy ones. Zero parameters.
/// </summary>
internal static class TypedCalls
{
    public static void Run<TKernel, T, TIn, THidden, TState, TStateGradient>(
        Action<string, Action> call, Parameters<TKernel, T> p, Gradients<TKernel, T> grads, Workspace<TKernel, T> workspace)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
        where TIn : unmanaged
        where THidden : unmanaged
        where TState : unmanaged
        where TStateGradient : unmanaged
    {
        KernelCalls.Run<TKernel, T>(call);
        TState s = default;
        int cacheLength = TKernel.CacheLength;
        call("Step", () => TypedCell<TKernel, T>.Step<TIn, TState>(p, default, s));
        call("StepOneHot", () => TypedCell<TKernel, T>.StepOneHot(p, 0, s));
        call("Forward", () => TypedCell<TKernel, T>.Forward<TIn, TState>(p, default, s, new T[cacheLength]));
        call("ForwardOneHot", () => TypedCell<TKernel, T>.ForwardOneHot(p, 0, s, new T[cacheLength]));
        call("Backward", () =>
        {
            var cache = new T[cacheLength];
            TypedCell<TKernel, T>.Forward<TIn, TState>(p, default, s, cache);
            TypedCell<TKernel, T>.Backward<TIn, THidden, TStateGradient>(p, default, cache, default, default, grads);
        });
        call("BackwardOneHot", () =>
        {
            var cache = new T[cacheLength];
            TypedCell<TKernel, T>.ForwardOneHot(p, 0, s, cache);
            TypedCell<TKernel, T>.BackwardOneHot<THidden, TStateGradient>(p, 0, cache, default, default, grads);
        });
        call("ForwardBatch", () => TypedCell<TKernel, T>.ForwardBatch<TIn, TState>(p, new TIn[2], new TState[2], new TState[2], new T[2 * cacheLength]));
        call("BackwardBatch", () => TypedCell<TKernel, T>.BackwardBatch(
            p, new TIn[2], new T[2 * cacheLength], new THidden[2], new TStateGradient[2], new TStateGradient[2], grads, new TIn[2]));
        call("LossAndGradients", () => TypedCell<TKernel, T>.LossAndGradients(p, new TIn[3], new THidden[3], s, workspace, grads));
        call("LossAndGradientsBatch", () => TypedCell<TKernel, T>.LossAndGradientsBatch<TIn, THidden, TState>(p, new TIn[6], new THidden[6], 2, BatchReduction.Mean, workspace, grads));
        if (TKernel.OutputSize > 0)
        {
            call("CrossEntropyLossAndGradients", () => TypedCell<TKernel, T>.CrossEntropyLossAndGradients(p, new int[3], new int[3], s, workspace, grads));
            call("CrossEntropyLossAndGradientsBatch", () => TypedCell<TKernel, T>.CrossEntropyLossAndGradientsBatch<TState>(p, new int[6], new int[6], 2, BatchReduction.Mean, workspace, grads));
        }
    }
}
