namespace LstmGen.Models.Tests.Support;

/// <summary>The streaming inference step against the cached forward step, through the adapter.</summary>
internal sealed partial class CellDriver<S>
{
    public StreamingRun RunStreaming(double[] referenceTheta, double[][] inputs, int[] indices)
    {
        S[] p = Parameters(referenceTheta);
        int s = cell.StateLength;
        S[] viaForward = new S[s], viaStep = new S[s], cache = new S[cell.CacheLength];
        var forwardStates = new double[inputs.Length][];
        var stepStates = new double[inputs.Length][];
        for (int t = 0; t < inputs.Length; t++)
        {
            if (indices[t] < 0)
            {
                S[] x = Flat([inputs[t]]);
                cell.Forward(p, x, viaForward, viaForward, cache);
                cell.Step(p, x, viaStep, viaStep);
            }
            else
            {
                cell.ForwardOneHot(p, indices[t], viaForward, viaForward, cache);
                cell.StepOneHot(p, indices[t], viaStep, viaStep);
            }

            (forwardStates[t], stepStates[t]) = (Doubles(viaForward), Doubles(viaStep));
        }

        var headChecks = new List<(double[], double[], double[], double[])>();
        if (HasHead)
        {
            S[] x0 = Flat([inputs[0]]);
            headChecks.Add(HeadCheck(p, viaStep, (state, next) => cell.Step(p, x0, state, next), (state, next, c) => cell.Forward(p, x0, state, next, c)));
            headChecks.Add(HeadCheck(p, viaStep, (state, next) => cell.StepOneHot(p, 0, state, next), (state, next, c) => cell.ForwardOneHot(p, 0, state, next, c)));
        }

        return new StreamingRun(forwardStates, stepStates, headChecks);
    }

    public IReadOnlyList<Action> StreamingOperations(double[] referenceTheta, double[] x)
    {
        S[] p = Parameters(referenceTheta), input = Flat([x]);
        S[] state = new S[cell.StateLength], logits = new S[OutputSize], probabilities = new S[OutputSize];
        var operations = new List<Action>
        {
            () => cell.Step(p, input, state, state),
            () => cell.StepOneHot(p, 0, state, state),
        };
        if (HasHead)
        {
            operations.Add(() =>
            {
                cell.Step(p, input, state, state);
                cell.HeadForward(p, state.AsSpan(0, HiddenSize), logits);
                cell.Softmax(logits, probabilities);
            });
            operations.Add(() =>
            {
                cell.StepOneHot(p, 0, state, state);
                cell.HeadForward(p, state.AsSpan(0, HiddenSize), logits);
                cell.Softmax(logits, probabilities);
            });
        }

        return operations;
    }

    /// <summary>
    /// One more step from <paramref name="from"/>: (the streaming step's state, the cached forward step's state, the head's
    /// softmax of the streaming h, the head's softmax of the cached forward's h).
    /// </summary>
    private (double[], double[], double[], double[]) HeadCheck(S[] p, S[] from, Action<S[], S[]> step, Action<S[], S[], S[]> forward)
    {
        S[] viaStep = new S[from.Length], viaForward = new S[from.Length];
        step(from, viaStep);
        forward(from, viaForward, new S[cell.CacheLength]);
        return (Doubles(viaStep), Doubles(viaForward), Probabilities(p, viaStep), Probabilities(p, viaForward));
    }

    private double[] Probabilities(S[] p, S[] state)
    {
        S[] logits = new S[OutputSize], probabilities = new S[OutputSize];
        cell.HeadForward(p, state.AsSpan(0, HiddenSize), logits);
        cell.Softmax(logits, probabilities);
        return Doubles(probabilities);
    }
}
