using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>Full backpropagation through time for <see cref="ReferenceRnn"/>.</summary>
public sealed partial class ReferenceRnn
{
    /// <summary>
    /// Runs the sequence forward, then backpropagates through every step, written directly from the chain rule.
    /// </summary>
    /// <param name="inputs">Inputs <c>x_0 … x_{T−1}</c>.</param>
    /// <param name="targets">Targets for the same T steps.</param>
    /// <param name="h0">Initial hidden state; null means zeros.</param>
    public RnnGradients Backward(IReadOnlyList<Vector<double>> inputs, SequenceTargets targets, Vector<double>? h0 = null)
    {
        targets.EnsureCompatible(inputs.Count, HasHead);
        IReadOnlyList<RnnStep> steps = Forward(inputs, h0);
        int T = steps.Count;

        // Step losses in time order (so Loss matches Loss(...) exactly).
        var stepLosses = new StepLoss[T];
        double loss = 0;
        for (int t = 0; t < T; t++)
        {
            stepLosses[t] = targets.Evaluate(t, steps[t].H, steps[t].Logits);
            loss += stepLosses[t].Value;
        }

        RnnParameterGradients grads = RnnParameterGradients.Zeros(this);
        var dx = new Vector<double>[T];

        // Gradient flowing into h_t from step t+1 (zero after the last step).
        Vector<double> dhNext = Vector<double>.Build.Dense(HiddenSize);

        for (int t = T - 1; t >= 0; t--)
        {
            RnnStep s = steps[t];

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

            // h = tanh(z), z = Wx x + Wh h_prev + b;  tanh'(z) = 1 − h².
            Vector<double> dz = dh.PointwiseMultiply(1.0 - s.H.PointwiseMultiply(s.H));
            grads.DWx.Add(dz.OuterProduct(s.X), grads.DWx);
            grads.DWh.Add(dz.OuterProduct(s.HPrev), grads.DWh);
            grads.DB.Add(dz, grads.DB);
            dx[t] = Wx.TransposeThisAndMultiply(dz);
            dhNext = Wh.TransposeThisAndMultiply(dz);
        }

        return new RnnGradients(loss, grads, dx, DH0: dhNext);
    }
}
