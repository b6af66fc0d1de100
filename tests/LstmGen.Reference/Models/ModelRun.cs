using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference.Models;

/// <summary>A reference model's forward pass over one sequence.</summary>
/// <param name="LayerInputs">Each layer's input sequence (layer 0's is x).</param>
/// <param name="Outputs">The top layer's outputs o_t (width W), one per valid step.</param>
/// <param name="HeadOutputs">y_t = W_y o_t + b_y per step (the logits of a softmax head); equal to <paramref name="Outputs"/> without a head.</param>
/// <param name="FinalH">Final hidden state per block (layer-major, forward before reverse); the reverse one is its state after t = 0.</param>
/// <param name="FinalC">Final cell state per block (null for non-LSTM blocks).</param>
/// <param name="Loss">This sequence's loss.</param>
public sealed record ModelRun(
    IReadOnlyList<IReadOnlyList<Vector<double>>> LayerInputs,
    IReadOnlyList<Vector<double>> Outputs,
    IReadOnlyList<Vector<double>> HeadOutputs,
    IReadOnlyList<Vector<double>> FinalH,
    IReadOnlyList<Vector<double>?> FinalC,
    double Loss);
