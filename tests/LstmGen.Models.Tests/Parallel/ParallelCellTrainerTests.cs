using System.Numerics;
using LstmGen.Models.Tests.Support;
using LstmGen.Parallel;

namespace LstmGen.Models.Tests.Parallel;

/// <summary>
/// The data-parallel cell trainer against one thread running the cell's own batch members over the whole batch: every
/// output (loss, dθ, final states, ∂L/∂initial, ∂L/∂xs) within 1e-12 (double) or 1e-5 (float) relative, for batch sizes
/// that leave every kind of shard (m = 1, 3, 31, 33), hidden sizes 1, 7, 33, 129, every cell kind, kernel strategy and
/// loss, one-hot and dense inputs, Sum and Mean; and bit for bit with one thread.
/// </summary>
public sealed class ParallelCellTrainerTests
{
    private const int Steps = 5;

    public static TheoryData<string, bool, int, int> Cases()
    {
        var data = new TheoryData<string, bool, int, int>();
        (string Cell, bool Dense)[] cells =
        [
            (nameof(Lstm1x1Head2Double), false), (nameof(Gru1x1Head2Float), true), (nameof(Lstm1x1DoubleSimd), true),
            (nameof(Lstm3x7DoubleSimd), true), (nameof(Gru3x7FloatSimd), false), (nameof(Lstm3x7FloatLoops), true),
            (nameof(Lstm5x33Head10DoubleSimd), false), (nameof(Gru5x33Head10FloatSimd), false), (nameof(Lstm5x33Head10FloatLoops), true),
            (nameof(Rnn10x129Head10DoubleSimd), false), (nameof(LinearGru4x9V3Double), true), (nameof(LinearLstm3x5V2Float), false),
        ];
        foreach (var (cell, dense) in cells)
        {
            foreach (int m in new[] { 1, 3, 31, 33 })
            {
                data.Add(cell, dense, m, m == 3 ? 2 : 4);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Threaded_results_equal_one_thread_within_tolerance(string cellName, bool dense, int batchSize, int threads)
    {
        if (CellCatalog.Get(cellName) is IRecurrentCell<double> cell)
        {
            Compare(cell, dense, batchSize, threads, 1e-12);
        }
        else
        {
            Compare(CellCatalog.Get<float>(cellName), dense, batchSize, threads, 1e-5);
        }
    }

    [Theory]
    [InlineData(nameof(LinearGru4x9V3Double), true, LossSteps.Every)]
    [InlineData(nameof(LinearGru4x9V3Double), true, LossSteps.Last)]
    [InlineData(nameof(LinearLstm3x5V2Float), false, LossSteps.Last)]
    public void Padded_batches_equal_one_thread_within_tolerance(string cellName, bool dense, LossSteps lossSteps)
    {
        int[] lengths = [.. Enumerable.Range(0, 31).Select(b => 1 + (b * 7 % Steps))];
        if (CellCatalog.Get(cellName) is IRecurrentCell<double> cell)
        {
            Compare(cell, dense, 31, 3, 1e-12, lengths, lossSteps);
        }
        else
        {
            Compare(CellCatalog.Get<float>(cellName), dense, 31, 3, 1e-5, lengths, lossSteps);
        }
    }

    [Theory]
    [InlineData(nameof(Lstm5x33Head10DoubleSimd), false)]
    [InlineData(nameof(Lstm3x7DoubleSimd), true)]
    public void One_thread_with_sum_is_the_cells_own_batch_bit_for_bit(string cellName, bool dense)
    {
        var problem = new CellTrainingProblem<double>(CellCatalog.Get<double>(cellName), Steps, 9, dense, seed: 3);
        using var trainer = new ParallelCellTrainer<double>(problem.Cell, Steps, 9, threadCount: 1);

        var actual = problem.Train(trainer, BatchReduction.Sum).Tensors().ToArray();
        var expected = problem.Reference(BatchReduction.Sum).Tensors().ToArray();

        for (int k = 0; k < expected.Length; k++)
        {
            Assert.True(expected[k].Values.SequenceEqual(actual[k].Values), $"{expected[k].Name} differs from the one-thread batch");
        }
    }

    [Fact]
    public void Carried_states_advance_in_place_when_final_is_initial()
    {
        var problem = new CellTrainingProblem<double>(CellCatalog.Get<double>(nameof(Lstm5x33Head10DoubleSimd)), Steps, 7, dense: false, seed: 4);
        using var trainer = new ParallelCellTrainer<double>(problem.Cell, Steps, 7, threadCount: 3);
        double[] expected = problem.Reference(BatchReduction.Mean).Final, states = [.. problem.Initial], dp = new double[problem.Cell.ParameterCount];

        trainer.Gradient(problem.P, problem.Indices, 7, default, states, problem.Classes, states, default, dp, BatchReduction.Mean);

        var tol = new Tolerance(1e-12);
        tol.Check("final states", states, expected);
        tol.AssertAllPassed();
    }

    private static void Compare<T>(IRecurrentCell<T> cell, bool dense, int batchSize, int threads, double tolerance, int[]? lengths = null, LossSteps lossSteps = LossSteps.Every)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (BatchReduction reduction in new[] { BatchReduction.Sum, BatchReduction.Mean })
        {
            var problem = new CellTrainingProblem<T>(cell, Steps, batchSize, dense, seed: batchSize + threads, lengths);
            using var trainer = new ParallelCellTrainer<T>(cell, Steps, 40, threads);
            var tol = new Tolerance(tolerance);
            var expected = problem.Reference(reduction, lossSteps).Tensors().ToDictionary(e => e.Name, e => e.Values);
            foreach (var (name, values) in problem.Train(trainer, reduction, lossSteps).Tensors())
            {
                tol.Check($"{cell.Layout} m = {batchSize}, {threads} threads, {reduction}: {name}", values, expected[name]);
            }

            tol.AssertAllPassed();
        }
    }
}
