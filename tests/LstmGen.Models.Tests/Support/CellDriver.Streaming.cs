namespace LstmGen.Models.Tests.Support;

/// <summary>The streaming inference entry points, bound like the rest of the driver.</summary>
internal sealed partial class CellDriver<S, TIn, THid, TOut, TState, TSGrad, TCache, TP, TG, TWs>
{
    private delegate ValueTuple<TState, TCache> ForwardFn(TP p, ref TIn x, ref TState state);

    private delegate ValueTuple<TState, TCache> ForwardOneHotFn(TP p, int index, ref TState state);

    private delegate TState StepFn(TP p, ref TIn x, ref TState state);

    private delegate TState StepOneHotFn(TP p, int index, ref TState state);

    private delegate TState StepHeadFn(TP p, ref TIn x, ref TState state, out TOut probabilities);

    private delegate TState StepOneHotHeadFn(TP p, int index, ref TState state, out TOut probabilities);

    public StreamingRun RunStreaming(double[] referenceTheta, double[][] inputs, int[] indices)
    {
        TP p = Parameters(referenceTheta);
        var forward = Bind<ForwardFn>("Forward");
        var forwardOneHot = Bind<ForwardOneHotFn>("ForwardOneHot");
        var step = Bind<StepFn>("Step");
        var stepOneHot = Bind<StepOneHotFn>("StepOneHot");
        TState viaForward = default, viaStep = default;
        var forwardStates = new double[inputs.Length][];
        var stepStates = new double[inputs.Length][];
        for (int t = 0; t < inputs.Length; t++)
        {
            if (indices[t] < 0)
            {
                TIn x = Row<TIn>(inputs[t]);
                viaForward = forward(p, ref x, ref viaForward).Item1;
                viaStep = step(p, ref x, ref viaStep);
            }
            else
            {
                viaForward = forwardOneHot(p, indices[t], ref viaForward).Item1;
                viaStep = stepOneHot(p, indices[t], ref viaStep);
            }

            (forwardStates[t], stepStates[t]) = (Flat(viaForward), Flat(viaStep));
        }

        var headChecks = new List<(double[], double[], double[], double[])>();
        if (HasHead)
        {
            TIn xLast = Row<TIn>(inputs[0]);
            TState dense = Bind<StepHeadFn>("Step")(p, ref xLast, ref viaStep, out TOut denseProbabilities);
            headChecks.Add(HeadCheck(p, dense, step(p, ref xLast, ref viaStep), denseProbabilities));
            TState oneHot = Bind<StepOneHotHeadFn>("StepOneHot")(p, 0, ref viaStep, out TOut oneHotProbabilities);
            headChecks.Add(HeadCheck(p, oneHot, stepOneHot(p, 0, ref viaStep), oneHotProbabilities));
        }

        return new StreamingRun(forwardStates, stepStates, headChecks);
    }

    public IReadOnlyList<Action> StreamingOperations(double[] referenceTheta, double[] x)
    {
        TP p = Parameters(referenceTheta);
        TIn input = Row<TIn>(x);
        TState state = default;
        TOut probabilities = default;
        var step = Bind<StepFn>("Step");
        var stepOneHot = Bind<StepOneHotFn>("StepOneHot");
        var operations = new List<Action>
        {
            () => state = step(p, ref input, ref state),
            () => state = stepOneHot(p, 0, ref state),
        };
        if (HasHead)
        {
            var stepHead = Bind<StepHeadFn>("Step");
            var stepOneHotHead = Bind<StepOneHotHeadFn>("StepOneHot");
            operations.Add(() => state = stepHead(p, ref input, ref state, out probabilities));
            operations.Add(() => state = stepOneHotHead(p, 0, ref state, out probabilities));
        }

        return operations;
    }

    private (double[], double[], double[], double[]) HeadCheck(TP p, TState withProbabilities, TState plain, TOut probabilities)
    {
        THid h = Row<THid>(Half(withProbabilities, 0));
        TOut logits = _headForward!(p, ref h);
        return (Flat(withProbabilities), Flat(plain), Flat(probabilities), Flat(_softmax!(ref logits)));
    }
}
