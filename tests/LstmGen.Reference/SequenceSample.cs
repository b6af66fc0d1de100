using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>One independent sequence of a batch.</summary>
/// <param name="Inputs">Inputs <c>x_0 … x_{T−1}</c>, each of length D.</param>
/// <param name="Targets">Targets for the same T steps.</param>
/// <param name="H0">Initial hidden state (length H); null means zeros.</param>
/// <param name="C0">Initial cell state (length H, LSTM only); null means zeros. Must be null for an RNN.</param>
public sealed record SequenceSample(
    IReadOnlyList<Vector<double>> Inputs,
    SequenceTargets Targets,
    Vector<double>? H0 = null,
    Vector<double>? C0 = null);
