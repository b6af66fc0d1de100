using System.Numerics;
using LstmGen.Internal;
using LstmGen.Models;

namespace LstmGen.Parallel;

/// <summary>
/// One shard's own buffers for a model, sized once for T ≤ maxSteps and up to <c>capacity</c> samples: a
/// <see cref="ModelWorkspace{T}"/>, its inputs, targets and input gradients (time-major over its samples), its states
/// (in the model's block order for <c>capacity</c> sequences), and dθ.
/// </summary>
internal sealed class ModelShard<T> : ShardGradient<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _classes;
    private readonly AlignedArray<T> _xs, _dxs, _targets, _initial, _final, _dInitial;

    public ModelShard(RecurrentModel<T> model, int maxSteps, int capacity)
        : base(model.ParameterCount)
    {
        int rows = maxSteps * capacity, states = capacity * model.StateLength;
        Workspace = model.CreateWorkspace(maxSteps, capacity);
        _classes = new int[rows];
        (_xs, _dxs, _targets) = (new(rows * model.InputSize), new(rows * model.InputSize), new(rows * Math.Max(model.OutputWidth, model.OutputSize)));
        (_initial, _final, _dInitial) = (new(states), new(states), new(states));
    }

    public ModelWorkspace<T> Workspace { get; }

    public Span<int> Classes => _classes;

    public Span<T> Xs => _xs.Span;

    public Span<T> Dxs(int length) => _dxs.Span[..length];

    public Span<T> Targets => _targets.Span;

    public Span<T> Initial(int length) => _initial.Span[..length];

    public Span<T> Final(int length) => _final.Span[..length];

    public Span<T> InitialGradients(int length) => _dInitial.Span[..length];
}
