namespace LstmGen.Reference.Models;

/// <summary>
/// One layer of a <see cref="ReferenceModel"/>: a forward direction and, for a bidirectional layer, a reverse one with
/// its own parameters (same kind and sizes). Output at step t: [forward h_t | reverse h_t].
/// </summary>
/// <param name="Forward">Direction 0, run over t = 0 … L−1.</param>
/// <param name="Reverse">Direction 1, run over t = L−1 … 0; null for a forward-only layer.</param>
public sealed record ReferenceModelLayer(ReferenceDirection Forward, ReferenceDirection? Reverse = null)
{
    /// <summary>1 or 2.</summary>
    public int Directions => Reverse is null ? 1 : 2;

    /// <summary>H × directions.</summary>
    public int OutputWidth => Directions * Forward.HiddenSize;

    /// <summary>Direction <paramref name="d"/> (0 forward, 1 reverse).</summary>
    public ReferenceDirection this[int d] => d == 0 ? Forward : Reverse ?? throw new ArgumentOutOfRangeException(nameof(d), "The layer is forward-only.");
}
