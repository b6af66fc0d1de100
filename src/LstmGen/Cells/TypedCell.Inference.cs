using LstmGen.Internal;
using LstmGen.Kernels;

namespace LstmGen;

public static partial class TypedCell<TKernel, T>
{
    /// <summary>
    /// Batched inference (no cache): one step of m = <c>states.Length</c> sequences, <c>next[b] = Step(inputs[b], states[b])</c>,
    /// with one pass over the weights per 4 sequences for a SIMD LSTM or RNN (the values of <see cref="Step{TIn, TState}(Parameters{TKernel, T}, in TIn, in TState)"/>,
    /// see <see cref="Recurrent{TKernel, T}.StepBatch(ReadOnlySpan{T}, ReadOnlySpan{T}, int, ReadOnlySpan{T}, Span{T})"/>).
    /// <paramref name="next"/> may be <paramref name="states"/> (the states advance in place).
    /// </summary>
    public static void StepBatch<TIn, TState>(Parameters<TKernel, T> p, ReadOnlySpan<TIn> inputs, ReadOnlySpan<TState> states, Span<TState> next)
        where TIn : unmanaged
        where TState : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        CheckStepBatch(inputs.Length, states.Length, next.Length);
        Recurrent<TKernel, T>.StepBatch(p.Values, In(inputs, D), states.Length, In(states, S), Out(next, S));
    }

    /// <summary><see cref="StepBatch{TIn, TState}"/> on one-hot inputs: one class index in [0, D) per state.</summary>
    public static void StepBatch<TState>(Parameters<TKernel, T> p, ReadOnlySpan<int> inputs, ReadOnlySpan<TState> states, Span<TState> next)
        where TState : unmanaged
    {
        ArgumentNullException.ThrowIfNull(p);
        CheckStepBatch(inputs.Length, states.Length, next.Length);
        OneHot(inputs);
        Recurrent<TKernel, T>.StepBatch(p.Values, inputs, states.Length, In(states, S), Out(next, S));
    }

    // m = states.Length ≥ 1 sequences: one input and one next state each.
    private static void CheckStepBatch(int inputs, int states, int next)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(states, 1, "states");
        Guard.Length(inputs, states, Say.InputsPerState, "inputs");
        Guard.Length(next, states, Say.NextStates, "next");
    }
}
