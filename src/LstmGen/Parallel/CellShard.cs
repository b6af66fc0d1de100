using System.Numerics;
using LstmGen.Internal;

namespace LstmGen.Parallel;

/// <summary>
/// One shard's own buffers for a cell, sized once for T ≤ maxSteps and up to <c>capacity</c> samples: its inputs,
/// targets, caches, outputs and their gradients (time-major over its samples), spare states, and dθ.
/// </summary>
internal sealed class CellShard<T> : ShardGradient<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _indices, _classes;
    private readonly AlignedArray<T> _xs, _dxs, _targets, _caches, _outputs, _dOutputs, _final, _dInitial;

    public CellShard(IRecurrentCell<T> cell, int maxSteps, int capacity)
        : base(cell.ParameterCount)
    {
        int rows = maxSteps * capacity, states = capacity * cell.StateLength;
        int targetWidth = Math.Max(cell.HiddenSize, cell.OutputSize);
        (_indices, _classes) = (new int[rows], new int[rows]);
        (_xs, _dxs, _targets) = (new(rows * cell.InputSize), new(rows * cell.InputSize), new(rows * targetWidth));
        (_caches, _outputs, _dOutputs) = (new(rows * cell.CacheLength), new(rows * cell.HiddenSize), new(rows * cell.HiddenSize));
        (_final, _dInitial) = (new(states), new(states));
    }

    public Span<int> Indices => _indices;

    public Span<int> Classes => _classes;

    public Span<T> Xs => _xs.Span;

    public Span<T> Dxs => _dxs.Span;

    public Span<T> Targets => _targets.Span;

    public Span<T> Caches(int length) => _caches.Span[..length];

    public Span<T> Outputs(int length) => _outputs.Span[..length];

    public Span<T> OutputGradients(int length) => _dOutputs.Span[..length];

    public Span<T> SpareFinal(int length) => _final.Span[..length];

    public Span<T> SpareInitialGradients(int length) => _dInitial.Span[..length];
}
