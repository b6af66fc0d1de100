using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference.Models;

/// <summary>
/// One sequence of a model's batch: only its L valid steps (PyTorch's <c>pack_padded_sequence</c> drops the padding),
/// its initial states and its targets.
/// </summary>
/// <param name="Inputs">x_0 … x_{L−1}.</param>
/// <param name="Targets">The loss's targets (L entries).</param>
/// <param name="H0">Initial hidden state per block (layer-major, forward before reverse), or null for zeros everywhere.</param>
/// <param name="C0">Initial cell state per block (the entries of non-LSTM blocks are ignored), or null for zeros.</param>
public sealed record ModelSequence(
    IReadOnlyList<Vector<double>> Inputs,
    ModelTargets Targets,
    IReadOnlyList<Vector<double>>? H0 = null,
    IReadOnlyList<Vector<double>>? C0 = null);
