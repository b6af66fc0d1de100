using System.Numerics;
using LstmGen.Internal;
using LstmGen.Kernels;

namespace LstmGen;

/// <summary>
/// Scratch buffers for the one-call training functions over up to <see cref="MaxSteps"/> steps of up to
/// <see cref="MaxBatch"/> sequences: allocated once by the caller, reused by every call (nothing is allocated per
/// call). One flat buffer per kind (each on a 64-byte boundary), time-major: step t of sequence b is row <c>t * m + b</c>. A generated cell's
/// <c>Workspace</c> derives from this class.
/// </summary>
/// <remarks>Every buffer is flat, so a workspace works for every size the analyzer accepts (a cache is never a value
/// type that the CLR would refuse past 65,535 bytes); <see cref="Cache"/> views one step's cache.</remarks>
/// <typeparam name="TKernel">The cell's kernel.</typeparam>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public class Workspace<TKernel, T>
    where TKernel : struct, IRecurrentKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AlignedArray<T> _caches, _outputs, _outputGradients, _states, _stateGradients;

    /// <summary>Allocates buffers for up to <paramref name="maxSteps"/> steps of up to <paramref name="maxBatch"/> sequences.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is less than 1, or a buffer would exceed <see cref="Array.MaxLength"/>.</exception>
    public Workspace(int maxSteps, int maxBatch = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        int rows = Guard.BufferLength(maxSteps, maxBatch, nameof(maxSteps), nameof(maxBatch));
        _caches = new AlignedArray<T>(Guard.BufferLength(rows, TKernel.CacheLength, "maxSteps x maxBatch", "the cache length"));
        _outputs = new AlignedArray<T>(Guard.BufferLength(rows, TKernel.HiddenSize, "maxSteps x maxBatch", "the hidden size"));
        _outputGradients = new AlignedArray<T>(_outputs.Length);
        _states = new AlignedArray<T>(Guard.BufferLength(maxBatch, Recurrent<TKernel, T>.StateLength, nameof(maxBatch), "the state length"));
        _stateGradients = new AlignedArray<T>(_states.Length);
        MaxSteps = maxSteps;
        MaxBatch = maxBatch;
    }

    /// <summary>Longest sequence this workspace serves.</summary>
    public int MaxSteps { get; }

    /// <summary>Largest batch this workspace serves.</summary>
    public int MaxBatch { get; }

    /// <summary>Step caches of the last call: [MaxSteps × MaxBatch × CacheLength], the first T·m rows valid.</summary>
    public Span<T> Caches => _caches.Span;

    /// <summary>Hidden outputs h_t of the last call: [MaxSteps × MaxBatch × H], the first T·m rows valid.</summary>
    public Span<T> Outputs => _outputs.Span;

    /// <summary>Loss gradients ∂L/∂h_t of the last call: [MaxSteps × MaxBatch × H], the first T·m rows valid.</summary>
    public Span<T> OutputGradients => _outputGradients.Span;

    /// <summary>Final states of the last call: [MaxBatch × S] (S = 2H for an LSTM, <c>[h | c]</c>; H for an RNN or a GRU), the first m valid.</summary>
    public Span<T> States => _states.Span;

    /// <summary>∂L/∂(initial state) of the last call: [MaxBatch × S], the first m valid.</summary>
    public Span<T> StateGradients => _stateGradients.Span;

    /// <summary>A view of the cache of row <paramref name="row"/> (step t of sequence b of the last call is row t·m + b).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is outside [0, MaxSteps × MaxBatch).</exception>
    public StepCache<TKernel, T> Cache(int row)
    {
        int length = TKernel.CacheLength;
        Guard.Index(row, _caches.Length / length, "a cache row of the workspace (MaxSteps x MaxBatch)", nameof(row));
        return new StepCache<TKernel, T>(_caches.Span.Slice(row * length, length));
    }
}
