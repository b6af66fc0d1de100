using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>Full backpropagation through time for <see cref="ReferenceLstm"/>.</summary>
public sealed partial class ReferenceLstm
{
    /// <summary>
    /// Runs the sequence forward, then backpropagates through every step, written directly from the chain rule.
    /// </summary>
    /// <param name="inputs">Inputs <c>x_0 … x_{T−1}</c>.</param>
    /// <param name="targets">Targets for the same T steps.</param>
    /// <param name="h0">Initial hidden state; null means zeros.</param>
    /// <param name="c0">Initial cell state; null means zeros.</param>
    public LstmGradients Backward(
        IReadOnlyList<Vector<double>> inputs, SequenceTargets targets, Vector<double>? h0 = null, Vector<double>? c0 = null)
    {
        targets.EnsureCompatible(inputs.Count, HasHead);
        IReadOnlyList<LstmStep> steps = Forward(inputs, h0, c0);
        int T = steps.Count;

        // Step losses in time order (so Loss matches Loss(...) exactly).
        var stepLosses = new StepLoss[T];
        double loss = 0;
        for (int t = 0; t < T; t++)
        {
            stepLosses[t] = targets.Evaluate(t, steps[t].H, steps[t].Logits);
            loss += stepLosses[t].Value;
        }

        LstmParameterGradients grads = LstmParameterGradients.Zeros(this);
        Matrix<double>[] dW = grads.DW;
        Matrix<double>[] dU = grads.DU;
        Vector<double>[] dB = grads.DB;
        Matrix<double>? dWy = grads.DWy;
        Vector<double>? dBy = grads.DBy;
        var dx = new Vector<double>[T];

        // Gradients flowing into step t from step t+1 (zero after the last step).
        Vector<double> dhNext = Vector<double>.Build.Dense(HiddenSize);
        Vector<double> dcNext = Vector<double>.Build.Dense(HiddenSize);

        for (int t = T - 1; t >= 0; t--)
        {
            LstmStep s = steps[t];

            // ∂loss_t/∂h_t, through the head when the loss is on the logits.
            Vector<double> dhFromLoss;
            if (stepLosses[t].DLogits is { } dLogits)
            {
                dWy!.Add(dLogits.OuterProduct(s.H), dWy);
                dBy!.Add(dLogits, dBy);
                dhFromLoss = Wy!.TransposeThisAndMultiply(dLogits);
            }
            else
            {
                dhFromLoss = stepLosses[t].DHidden!;
            }

            Vector<double> dh = dhFromLoss + dhNext;

            // h = o ⊙ tanh(c);  c = f ⊙ c_prev + i ⊙ g.
            Vector<double> dO = dh.PointwiseMultiply(s.TanhC);
            Vector<double> dc = dcNext + dh.PointwiseMultiply(s.O).PointwiseMultiply(1.0 - s.TanhC.PointwiseMultiply(s.TanhC));
            Vector<double> dI = dc.PointwiseMultiply(s.G);
            Vector<double> dF = dc.PointwiseMultiply(s.CPrev);
            Vector<double> dG = dc.PointwiseMultiply(s.I);
            Vector<double> dcPrev = dc.PointwiseMultiply(s.F);

            // Pre-activation gradients: σ'(z) = s(1 − s), tanh'(z) = 1 − t².
            var dz = new Vector<double>[ReferenceGate.Count];
            dz[ReferenceGate.Input] = dI.PointwiseMultiply(s.I).PointwiseMultiply(1.0 - s.I);
            dz[ReferenceGate.Forget] = dF.PointwiseMultiply(s.F).PointwiseMultiply(1.0 - s.F);
            dz[ReferenceGate.Candidate] = dG.PointwiseMultiply(1.0 - s.G.PointwiseMultiply(s.G));
            dz[ReferenceGate.Output] = dO.PointwiseMultiply(s.O).PointwiseMultiply(1.0 - s.O);

            // z_gate = W_gate x + U_gate h_prev + b_gate.
            Vector<double> dxT = Vector<double>.Build.Dense(InputSize);
            Vector<double> dhPrev = Vector<double>.Build.Dense(HiddenSize);
            for (int gate = 0; gate < ReferenceGate.Count; gate++)
            {
                dW[gate].Add(dz[gate].OuterProduct(s.X), dW[gate]);
                dU[gate].Add(dz[gate].OuterProduct(s.HPrev), dU[gate]);
                dB[gate].Add(dz[gate], dB[gate]);
                dxT += W[gate].TransposeThisAndMultiply(dz[gate]);
                dhPrev += U[gate].TransposeThisAndMultiply(dz[gate]);
            }

            dx[t] = dxT;
            dhNext = dhPrev;
            dcNext = dcPrev;
        }

        return new LstmGradients(loss, grads, dx, DH0: dhNext, DC0: dcNext);
    }
}
