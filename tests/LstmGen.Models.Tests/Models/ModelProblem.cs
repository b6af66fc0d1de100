using LstmGen.Kernels;
using LstmGen.Models;

namespace LstmGen.Models.Tests.Models;

/// <summary>The hand-built models of these tests, from the heads-free cells of ModelCells.cs.</summary>
internal static class TestModels
{
    public static IRecurrentCell<double> Cell(string name) => CellCatalog.Get<double>(name);

    /// <summary>LSTM 3 → 4 (loops) → GRU 4 → 5 (unrolled).</summary>
    public static RecurrentModel<double> LstmGru(OutputHead output = OutputHead.None, int outputSize = 0, double dropout = 0) =>
        new([new(Cell(nameof(ModelLstm3x4))), new(Cell(nameof(ModelGru4x5)))], output, outputSize, dropout);

    /// <summary>RNN 3 → 4 bidirectional (SIMD, 8 values per step) → LSTM 8 → 3 (unrolled).</summary>
    public static RecurrentModel<double> BiRnnLstm(OutputHead output = OutputHead.None, int outputSize = 0, double dropout = 0) =>
        new([new(Cell(nameof(ModelRnn3x4)), true), new(Cell(nameof(ModelLstm8x3)))], output, outputSize, dropout);

    /// <summary>RNN 3 → 4 bidirectional → GRU 8 → 3 bidirectional (SIMD): a bidirectional top layer (W = 6).</summary>
    public static RecurrentModel<double> BiRnnBiGru(OutputHead output = OutputHead.None, int outputSize = 0, double dropout = 0) =>
        new([new(Cell(nameof(ModelRnn3x4)), true), new(Cell(nameof(ModelGru8x3)), true)], output, outputSize, dropout);
}

/// <summary>
/// One random problem for a model: parameters, inputs [T × m × D], initial states, targets and classes, with every
/// value no step reads poisoned (NaN inputs at padding; NaN targets and class −1 where no loss is put), so that reading
/// one would show.
/// </summary>
internal sealed class ModelProblem
{
    public ModelProblem(RecurrentModel<double> model, int steps, int batchSize, int[]? lengths, int seed, LossSteps lossSteps = LossSteps.Every)
    {
        var random = new Random(seed);
        double Next(double scale) => (random.NextDouble() - 0.5) * 2 * scale;
        Model = model;
        Steps = steps;
        M = batchSize;
        Lengths = lengths ?? [];
        LossSteps = lossSteps;
        P = [.. Enumerable.Range(0, model.ParameterCount).Select(_ => Next(0.6))];
        Initial = [.. Enumerable.Range(0, batchSize * model.StateLength).Select(_ => Next(0.5))];
        TargetWidth = model.Output == OutputHead.Linear ? model.OutputSize : model.OutputWidth;
        Xs = new double[steps * batchSize * model.InputSize];
        Targets = new double[steps * batchSize * TargetWidth];
        Classes = new int[steps * batchSize];
        for (int t = 0; t < steps; t++)
        {
            for (int b = 0; b < batchSize; b++)
            {
                int row = (t * batchSize) + b;
                bool valid = Lengths.Length == 0 || t < Lengths[b];
                bool loss = valid && (lossSteps == LossSteps.Every || t == (Lengths.Length == 0 ? steps : Lengths[b]) - 1);
                for (int j = 0; j < model.InputSize; j++)
                {
                    Xs[(row * model.InputSize) + j] = valid ? Next(1.0) : double.NaN;
                }

                for (int j = 0; j < TargetWidth; j++)
                {
                    Targets[(row * TargetWidth) + j] = loss ? Next(0.8) : double.NaN;
                }

                Classes[row] = loss ? random.Next(Math.Max(model.OutputSize, 1)) : -1;
            }
        }
    }

    public RecurrentModel<double> Model { get; }

    public int Steps { get; }

    public int M { get; }

    public int[] Lengths { get; }

    public LossSteps LossSteps { get; }

    public int TargetWidth { get; }

    public double[] P { get; }

    public double[] Xs { get; }

    public double[] Initial { get; }

    public double[] Targets { get; }

    public int[] Classes { get; }

    /// <summary>Whether step t of sequence b is a valid step.</summary>
    public bool IsValid(int b, int t) => Lengths.Length == 0 || t < Lengths[b];

    /// <summary>The loss of the model's head (cross-entropy for a softmax head, else squared error), with gradients.</summary>
    public double Gradient(
        ModelWorkspace<double> ws, double[] p, double[] xs, double[] initial, double[] dp, double[] dInitial, double[] dxs,
        BatchReduction reduction = BatchReduction.Sum, ulong? dropoutSeed = null, double[]? final = null) =>
        Model.Output == OutputHead.Softmax
            ? Model.Gradient(p, xs, M, Lengths, initial, Classes, final ?? [], dInitial, dxs, dp, ws, reduction, LossSteps, dropoutSeed)
            : Model.Gradient(p, xs, M, Lengths, initial, Targets, final ?? [], dInitial, dxs, dp, ws, reduction, LossSteps, dropoutSeed);
}
