using LstmGen.Reference;
using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Models.Tests.Support;

/// <summary>Seeded random cells and sequences, as a reference cell plus the same data as plain arrays.</summary>
internal static class SequenceProblems
{
    /// <summary>
    /// Parameters uniform in [−0.5, 0.5] (<see cref="ReferenceInit.NextLstm"/>), inputs and targets uniform in [−1, 1],
    /// and a non-zero initial state uniform in [−0.5, 0.5] (so that dL/dh_{-1}, dL/dc_{-1} and the forget gate's
    /// first-step gradient are all exercised). With <paramref name="roundToFloat"/>, every value is rounded to float
    /// first, so that a float cell and the double reference start from identical numbers.
    /// </summary>
    public static (ReferenceLstm Reference, SequenceProblem Problem) Random(int seed, int inputSize, int hiddenSize, int steps, bool roundToFloat)
    {
        var init = new ReferenceInit(seed);
        ReferenceLstm reference = init.NextLstm(inputSize, hiddenSize);
        double[][] xs = [.. init.NextSequence(steps, inputSize).Select(v => v.ToArray())];
        double[][] ys = [.. init.NextMseTargets(steps, hiddenSize).Values.Select(v => v.ToArray())];
        double[] h0 = init.NextVector(hiddenSize, 0.5).ToArray();
        double[] c0 = init.NextVector(hiddenSize, 0.5).ToArray();
        if (roundToFloat)
        {
            reference = GateAccess.RoundToFloat(reference);
            xs = [.. xs.Select(Num.RoundToFloat)];
            ys = [.. ys.Select(Num.RoundToFloat)];
            h0 = Num.RoundToFloat(h0);
            c0 = Num.RoundToFloat(c0);
        }

        return (reference, new SequenceProblem(xs, ys, h0, c0));
    }

    /// <summary>The problem's inputs as MathNet vectors.</summary>
    public static Vector<double>[] Inputs(SequenceProblem problem) => [.. problem.Xs.Select(V)];

    /// <summary>The problem's targets for the reference's MSE loss.</summary>
    public static MseTargets Targets(SequenceProblem problem) => new([.. problem.Ys.Select(V)]);

    /// <summary>A MathNet vector holding <paramref name="values"/>.</summary>
    public static Vector<double> V(double[] values) => Vector<double>.Build.DenseOfArray(values);
}
