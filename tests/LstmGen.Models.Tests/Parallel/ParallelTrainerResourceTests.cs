using LstmGen.Models.Tests.Models;
using LstmGen.Parallel;
using LstmGen.TestSupport;

namespace LstmGen.Models.Tests.Parallel;

/// <summary>Runs alone: the allocation test counts the bytes every thread of the process allocates.</summary>
[CollectionDefinition(nameof(ProcessWideAllocations), DisableParallelization = true)]
public sealed class ProcessWideAllocations;

/// <summary>
/// What the trainers promise besides their numbers: nothing allocated per call after the first, on the calling thread
/// or on the workers; argument errors thrown before any buffer is written; thread counts checked; disposal.
/// </summary>
[Collection(nameof(ProcessWideAllocations))]
public sealed class ParallelTrainerResourceTests
{
    private const int Steps = 5, BatchSize = 31;

    [Fact]
    public void A_call_allocates_nothing_after_warm_up_on_any_thread()
    {
        var problem = new CellTrainingProblem<float>(CellCatalog.Get<float>(nameof(Gru5x33Head10FloatSimd)), Steps, BatchSize, dense: false, seed: 1);
        RecurrentModel<double> model = TestModels.BiRnnLstm(OutputHead.Linear, 2, dropout: 0.2);
        var modelProblem = new ModelProblem(model, Steps, BatchSize, null, seed: 2);
        using var cellTrainer = new ParallelCellTrainer<float>(problem.Cell, Steps, BatchSize, threadCount: 3);
        using var modelTrainer = new ParallelModelTrainer<double>(model, Steps, BatchSize, threadCount: 3);
        float[] dp = new float[problem.Cell.ParameterCount], final = new float[problem.Initial.Length], dInitial = new float[final.Length];
        double[] modelDp = new double[model.ParameterCount], dxs = new double[modelProblem.Xs.Length];
        Action cell = () => cellTrainer.Gradient(problem.P, problem.Indices, BatchSize, default, problem.Initial, problem.Classes, final, dInitial, dp, BatchReduction.Mean);
        Action stack = () => modelTrainer.Gradient(
            modelProblem.P, modelProblem.Xs, BatchSize, default, modelProblem.Initial, modelProblem.Targets, default, default, dxs, modelDp, BatchReduction.Mean, dropoutSeed: 3);

        Assert.Equal(0, AllocationMeter.BytesAllocated(cell));
        Assert.Equal(0, AllocationMeter.BytesAllocated(stack));
        Assert.Equal(0, ProcessBytes(cell));
        Assert.Equal(0, ProcessBytes(stack));
    }

    [Fact]
    public void Thread_counts_are_checked_and_zero_means_every_core()
    {
        var cell = CellCatalog.Get<double>(nameof(Lstm3x7DoubleSimd));

        using (var trainer = new ParallelCellTrainer<double>(cell, 2, 4))
        {
            Assert.Equal(TrainerThreads.DefaultThreadCount, trainer.ThreadCount);
        }

        Assert.Equal(Math.Min(Environment.ProcessorCount, TrainerThreads.MaxThreadCount), TrainerThreads.DefaultThreadCount);
        var low = Assert.Throws<ArgumentOutOfRangeException>(() => new ParallelCellTrainer<double>(cell, 2, 4, -1));
        var high = Assert.Throws<ArgumentOutOfRangeException>(() => new ParallelModelTrainer<double>(TestModels.LstmGru(), 2, 4, TrainerThreads.MaxThreadCount + 1));
        Assert.Equal("threadCount", low.ParamName);
        Assert.Contains("between 1 and 256", high.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Argument_errors_are_thrown_before_any_buffer_is_written()
    {
        var problem = new CellTrainingProblem<double>(CellCatalog.Get<double>(nameof(Lstm5x33Head10DoubleSimd)), Steps, BatchSize, dense: false, seed: 5);
        using var trainer = new ParallelCellTrainer<double>(problem.Cell, Steps, BatchSize, threadCount: 2);
        double[] dp = [.. Enumerable.Repeat(7.0, problem.Cell.ParameterCount)], final = [.. Enumerable.Repeat(7.0, problem.Initial.Length)];
        int[] badClass = [.. problem.Classes], badIndex = [.. problem.Indices];
        badClass[^1] = 10;      // V = 10: the last row of the last shard
        badIndex[^1] = -1;

        Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Gradient(problem.P, problem.Indices, BatchSize, default, problem.Initial, badClass, final, default, dp));
        Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Gradient(problem.P, badIndex, BatchSize, default, problem.Initial, problem.Classes, final, default, dp));
        Assert.Throws<ArgumentException>(() => trainer.Gradient(problem.P, problem.Indices, BatchSize, default, problem.Initial, problem.Classes, final, new double[3], dp));
        Assert.Throws<NotSupportedException>(() => trainer.Gradient(problem.P, problem.Indices, BatchSize, default, problem.Initial, problem.Targets, final, default, dp));
        var tooLong = Assert.Throws<ArgumentException>(() => trainer.Gradient(problem.P, new int[(Steps + 1) * BatchSize], BatchSize, default, default, new int[(Steps + 1) * BatchSize], final, default, dp));
        Assert.Contains("MaxSteps", tooLong.Message, StringComparison.Ordinal);
        Assert.All(dp, value => Assert.Equal(7.0, value));
        Assert.All(final, value => Assert.Equal(7.0, value));
    }

    [Fact]
    public void A_disposed_trainer_refuses_calls()
    {
        var problem = new CellTrainingProblem<double>(CellCatalog.Get<double>(nameof(Lstm5x33Head10DoubleSimd)), Steps, 4, dense: false, seed: 6);
        var trainer = new ParallelCellTrainer<double>(problem.Cell, Steps, 4, threadCount: 2);
        trainer.Dispose();
        trainer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => trainer.Gradient(problem.P, problem.Indices, 4, default, default, problem.Classes, default, default, new double[problem.Cell.ParameterCount]));
    }

    // Bytes allocated by every thread over 20 calls after 50 warm-up calls, the quietest of 5 windows.
    private static long ProcessBytes(Action call)
    {
        for (int k = 0; k < AllocationMeter.WarmUpCalls; k++)
        {
            call();
        }

        long fewest = long.MaxValue;
        for (int window = 0; window < AllocationMeter.Windows && fewest != 0; window++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            for (int k = 0; k < AllocationMeter.MeasuredCalls; k++)
            {
                call();
            }

            fewest = Math.Min(fewest, GC.GetTotalAllocatedBytes(precise: true) - before);
        }

        return fewest;
    }
}
