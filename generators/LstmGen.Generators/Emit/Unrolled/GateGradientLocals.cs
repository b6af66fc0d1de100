using System;

namespace LstmGen.Generators.Emit.Unrolled;

/// <summary>
/// How the gate matrix's backward (<see cref="UnrolledGateMatrix"/>) names the gate gradients, which the backward has
/// copied into locals (<see cref="UnrolledCell.DzLocal"/>): the vector for the bias and the x columns (W), the vector for
/// the h columns (U), and an optional term that dh_prev adds last (a GRU's dh'·z). An LSTM and an RNN have one vector,
/// dz, for all; a GRU two, dzx and dzh (gru-spec: they differ in the n rows).
/// </summary>
/// <param name="InputName">The name of the bias and x columns' vector in comments: <c>dz</c> or <c>dzx</c>.</param>
/// <param name="Input">Its local for gate row r.</param>
/// <param name="HiddenName">The name of the h columns' vector in comments: <c>dz</c> or <c>dzh</c>.</param>
/// <param name="Hidden">Its local for gate row r.</param>
/// <param name="DirectName">The direct term of dh_prev in comments, or <c>null</c> when there is none.</param>
/// <param name="Direct">Its local for hidden unit k, or <c>null</c>.</param>
internal sealed record GateGradientLocals(
    string InputName, Func<int, string> Input, string HiddenName, Func<int, string> Hidden, string? DirectName = null, Func<int, string>? Direct = null)
{
    /// <summary>One vector dz for the bias, W and U (LSTM, RNN): the locals dz0, dz1, ….</summary>
    public static GateGradientLocals Shared(UnrolledCell cell) => new("dz", cell.DzLocal, "dz", cell.DzLocal);
}
