using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference.Tests;

/// <summary>Loss configurations exercised by the tests.</summary>
public enum LossKind
{
    /// <summary>½‖h − y‖² on the hidden state, cell without head.</summary>
    Mse,

    /// <summary>Softmax head, cross-entropy against class indices.</summary>
    ClassIndex,

    /// <summary>Softmax head, cross-entropy against target distributions.</summary>
    Distribution,
}

/// <summary>Small random problems shared by the gradient and batch tests.</summary>
internal static class TestData
{
    public const int InputSize = 3;
    public const int HiddenSize = 4;
    public const int Classes = 5;
    public const int BatchSize = 3;

    public static int OutputSize(LossKind loss) => loss == LossKind.Mse ? 0 : Classes;

    public static SequenceTargets Targets(ReferenceInit init, LossKind loss, int steps) => loss switch
    {
        LossKind.Mse => init.NextMseTargets(steps, HiddenSize),
        LossKind.ClassIndex => init.NextClassTargets(steps, Classes),
        LossKind.Distribution => init.NextDistributionTargets(steps, Classes),
        _ => throw new ArgumentOutOfRangeException(nameof(loss)),
    };

    /// <summary>A batch with random inputs, targets and non-zero initial states (C0 only when <paramref name="withCellState"/>).</summary>
    public static SequenceSample[] Batch(ReferenceInit init, LossKind loss, int steps, bool withCellState)
    {
        var batch = new SequenceSample[BatchSize];
        for (int s = 0; s < BatchSize; s++)
        {
            Vector<double>[] inputs = init.NextSequence(steps, InputSize);
            SequenceTargets targets = Targets(init, loss, steps);
            Vector<double> h0 = init.NextVector(HiddenSize, 0.5);
            Vector<double>? c0 = withCellState ? init.NextVector(HiddenSize, 0.5) : null;
            batch[s] = new SequenceSample(inputs, targets, h0, c0);
        }

        return batch;
    }

    /// <summary>A copy of <paramref name="batch"/> with sample <paramref name="index"/> replaced.</summary>
    public static SequenceSample[] With(IReadOnlyList<SequenceSample> batch, int index, SequenceSample sample)
    {
        SequenceSample[] copy = [.. batch];
        copy[index] = sample;
        return copy;
    }

    public static Vector<double> ToVector(double[] values) => Vector<double>.Build.DenseOfArray(values);
}
