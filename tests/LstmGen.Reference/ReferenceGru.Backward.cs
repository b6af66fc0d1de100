using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>Full backpropagation through time for <see cref="ReferenceGru"/>.</summary>
public sealed partial class ReferenceGru
{
    /// <summary>
    /// Runs the sequence forward, then backpropagates through every step, written directly from the chain rule.
    /// </summary>
    /// <param name="inputs">Inputs <c>x_0 … x_{T−1}</c>.</param>
    /// <param name="targets">Targets for the same T steps.</param>
    /// <param name="h0">Initial hidden state; null means zeros.</param>
    public GruGradients Backward(IReadOnlyList<Vector<double>> inputs, SequenceTargets targets, Vector<double>? h0 = null)
    {
        targets.EnsureCompatible(inputs.Count, HasHead);
        IReadOnlyList<GruStep> steps = Forward(inputs, h0);
        int T = steps.Count;

        // Step losses in time order (so Loss matches Loss(...) exactly).
        var stepLosses = new StepLoss[T];
        double loss = 0;
        for (int t = 0; t < T; t++)
        {
            stepLosses[t] = targets.Evaluate(t, steps[t].H, steps[t].Logits);
            loss += stepLosses[t].Value;
        }

        GruParameterGradients grads = GruParameterGradients.Zeros(this);
        var dx = new Vector<double>[T];

        // Gradient flowing into h_t from step t+1 (zero after the last step).
        Vector<double> dhNext = Vector<double>.Build.Dense(HiddenSize);

        for (int t = T - 1; t >= 0; t--)
        {
            GruStep s = steps[t];

            // ∂loss_t/∂h_t, through the head when the loss is on the logits.
            Vector<double> dhFromLoss;
            if (stepLosses[t].DLogits is { } dLogits)
            {
                grads.DWy!.Add(dLogits.OuterProduct(s.H), grads.DWy);
                grads.DBy!.Add(dLogits, grads.DBy);
                dhFromLoss = Wy!.TransposeThisAndMultiply(dLogits);
            }
            else
            {
                dhFromLoss = stepLosses[t].DHidden!;
            }

            Vector<double> dh = dhFromLoss + dhNext;

            // h = (1 − z) ⊙ n + z ⊙ h_prev.
            Vector<double> dn = dh.PointwiseMultiply(1.0 - s.Z);
            Vector<double> dz = dh.PointwiseMultiply(s.HPrev - s.N);
            Vector<double> dhPrev = dh.PointwiseMultiply(s.Z);

            // n = tanh(a_n), a_n = W_n x + b_in + r ⊙ hn, hn = U_n h_prev + b_hn;  tanh'(a) = 1 − n².
            Vector<double> daN = dn.PointwiseMultiply(1.0 - s.N.PointwiseMultiply(s.N));
            Vector<double> dr = daN.PointwiseMultiply(s.Hn);
            Vector<double> dHn = daN.PointwiseMultiply(s.R);

            // r = σ(a_r), z = σ(a_z);  σ'(a) = σ (1 − σ).
            Vector<double> daR = dr.PointwiseMultiply(s.R.PointwiseMultiply(1.0 - s.R));
            Vector<double> daZ = dz.PointwiseMultiply(s.Z.PointwiseMultiply(1.0 - s.Z));

            // Input side: a_g = W_g x + b_g + … for every gate (for n, b_g is b_in).
            Vector<double>[] daInput = [daR, daZ, daN];
            // Recurrent side: a_r, a_z contain U_g h_prev; a_n contains r ⊙ (U_n h_prev + b_hn), whose gradient is dHn.
            Vector<double>[] daRecurrent = [daR, daZ, dHn];
            Vector<double> dxt = Vector<double>.Build.Dense(InputSize);
            for (int gate = 0; gate < ReferenceGruGate.Count; gate++)
            {
                grads.DW[gate].Add(daInput[gate].OuterProduct(s.X), grads.DW[gate]);
                grads.DB[gate].Add(daInput[gate], grads.DB[gate]);
                dxt += W[gate].TransposeThisAndMultiply(daInput[gate]);

                grads.DU[gate].Add(daRecurrent[gate].OuterProduct(s.HPrev), grads.DU[gate]);
                dhPrev += U[gate].TransposeThisAndMultiply(daRecurrent[gate]);
            }

            grads.DBhn.Add(dHn, grads.DBhn);
            dx[t] = dxt;
            dhNext = dhPrev;
        }

        return new GruGradients(loss, grads, dx, DH0: dhNext);
    }
}
