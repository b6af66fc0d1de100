using System.Numerics;

namespace LstmGen.Parallel;

/// <summary>
/// One shard's own buffers for a cell, sized once for T ≤ maxSteps and up to <c>capacity</c> samples: its inputs,
/// targets, caches, outputs and their gradients (time-major over its samples), spare states, and dθ.
/// </summary>
internal sealed class CellShard<T> : ShardGradient<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _indices, _classes;
    private readonly T[] _xs, _dxs, _targets, _caches, _outputs, _dOutputs, _final, _dInitial;

    public CellShard(IRecurrentCell<T> cell, int maxSteps, int capacity)
        : base(cell.ParameterCount)
    {
        int rows = maxSteps * capacity, states = capacity * cell.StateLength;
        int targetWidth = Math.Max(cell.HiddenSize, cell.OutputSize);
        (_indices, _classes) = (new int[rows], new int[rows]);
        (_xs, _dxs, _targets) = (new T[rows * cell.InputSize], new T[rows * cell.InputSize], new T[rows * targetWidth]);
        (_caches, _outputs, _dOutputs) = (new T[rows * cell.CacheLength], new T[rows * cell.HiddenSize], new T[rows * cell.HiddenSize]);
        (_final, _dInitial) = (new T[states], new T[states]);
    }

    public Span<int> Indices => _indices;

    public Span<int> Classes => _classes;

    public Span<T> Xs => _xs;

    public Span<T> Dxs => _dxs;

    public Span<T> Targets => _targets;

    public Span<T> Caches(int length) => _caches.AsSpan(0, length);

    public Span<T> Outputs(int length) => _outputs.AsSpan(0, length);

    public Span<T> OutputGradients(int length) => _dOutputs.AsSpan(0, length);

    public Span<T> SpareFinal(int length) => _final.AsSpan(0, length);

    public Span<T> SpareInitialGradients(int length) => _dInitial.AsSpan(0, length);
}
