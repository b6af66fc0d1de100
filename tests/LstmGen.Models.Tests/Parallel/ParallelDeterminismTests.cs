using LstmGen.Models.Tests.Models;
using LstmGen.Parallel;

namespace LstmGen.Models.Tests.Parallel;

/// <summary>
/// Same seed and thread count, same parameters bit for bit after 100 training steps (Adam and SGD), for a cell and a
/// model with dropout, in one process. (Across processes: TrainingThreadsTests runs the demo twice as child processes.)
/// </summary>
public sealed class ParallelDeterminismTests
{
    private const int TrainingSteps = 100, Steps = 6, BatchSize = 31;

    [Theory]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void A_cell_trained_twice_on_the_same_threads_ends_bit_for_bit_equal(int threads, bool adam)
    {
        float[] first = TrainCell(threads, adam), second = TrainCell(threads, adam);

        Assert.Equal(first, second);
        Assert.NotEqual(TrainCell(1, adam), first);   // the threads do change the sum's order (so the test can fail)
    }

    [Fact]
    public void A_model_with_dropout_trained_twice_on_the_same_threads_ends_bit_for_bit_equal()
    {
        double[] first = TrainModel(3), second = TrainModel(3);

        Assert.Equal(first, second);
    }

    /// <summary>100 Adam or SGD steps of the float LSTM 5 → 33 with a softmax head, m = 31, from seed 11; returns θ.</summary>
    internal static float[] TrainCell(int threads, bool adam)
    {
        var problem = new CellTrainingProblem<float>(CellCatalog.Get<float>(nameof(Lstm5x33Head10FloatSimd)), Steps, BatchSize, dense: false, seed: 11);
        using var trainer = new ParallelCellTrainer<float>(problem.Cell, Steps, BatchSize, threads);
        float[] p = [.. problem.P], dp = new float[p.Length], states = [.. problem.Initial];
        var optimizer = new Adam<float>(p.Length, 0.01);
        for (int step = 0; step < TrainingSteps; step++)
        {
            Array.Clear(dp);
            trainer.Gradient(p, problem.Indices, BatchSize, default, states, problem.Classes, states, default, dp, BatchReduction.Mean);
            if (adam)
            {
                optimizer.Step(p, dp);
            }
            else
            {
                for (int k = 0; k < p.Length; k++)
                {
                    p[k] -= 0.1f * dp[k];
                }
            }
        }

        return p;
    }

    private static double[] TrainModel(int threads)
    {
        RecurrentModel<double> model = TestModels.LstmGru(OutputHead.Softmax, 6, dropout: 0.25);
        var problem = new ModelProblem(model, Steps, BatchSize, null, seed: 12);
        using var trainer = new ParallelModelTrainer<double>(model, Steps, BatchSize, threads);
        double[] p = [.. problem.P], dp = new double[p.Length];
        for (int step = 0; step < TrainingSteps; step++)
        {
            Array.Clear(dp);
            trainer.Gradient(p, problem.Xs, BatchSize, default, problem.Initial, problem.Classes, default, default, default, dp, BatchReduction.Mean, dropoutSeed: (ulong)step);
            for (int k = 0; k < p.Length; k++)
            {
                p[k] -= 0.05 * dp[k];
            }
        }

        return p;
    }
}
