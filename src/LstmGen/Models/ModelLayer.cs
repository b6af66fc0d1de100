using System.Numerics;

namespace LstmGen.Models;

/// <summary>
/// One layer of a <see cref="RecurrentModel{T}"/>: a generated cell without a head, run over the sequence forward only
/// or, when <paramref name="Bidirectional"/>, forward and in reverse with a second set of parameters (PyTorch's
/// <c>bidirectional=True</c>). The layer's output at step t is the cell's h_t, or for a bidirectional layer the
/// concatenation [forward h_t | reverse h_t] (<see cref="OutputWidth"/> = 2H).
/// </summary>
/// <param name="Cell">The layer's cell, e.g. <c>RecurrentCell&lt;Lower.Kernel, float&gt;.Instance</c>; it must have no head.</param>
/// <param name="Bidirectional">Whether the layer also runs in reverse.</param>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed record ModelLayer<T>(IRecurrentCell<T> Cell, bool Bidirectional = false)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The cell, checked for <see langword="null"/>.</summary>
    public IRecurrentCell<T> Cell { get; } = Cell ?? throw new ArgumentNullException(nameof(Cell));

    /// <summary>1, or 2 for a bidirectional layer.</summary>
    public int Directions => Bidirectional ? 2 : 1;

    /// <summary>The width of the layer's output at each step: H, or 2H for a bidirectional layer.</summary>
    public int OutputWidth => Directions * Cell.HiddenSize;
}
