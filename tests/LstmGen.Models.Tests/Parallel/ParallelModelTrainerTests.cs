using LstmGen.Models.Tests.Models;
using LstmGen.Models.Tests.Support;
using LstmGen.Parallel;

namespace LstmGen.Models.Tests.Parallel;

/// <summary>
/// The data-parallel model trainer against the model's own <c>Gradient</c> on one thread: loss, dθ, final states,
/// ∂L/∂initial and ∂L/∂xs within 1e-12, for stacks and bidirectional layers, both heads, lengths, the last step's
/// loss, dropout (masks keyed by the whole batch's sample index, so they match), Sum and Mean.
/// </summary>
public sealed class ParallelModelTrainerTests
{
    private const int Steps = 5;

    [Theory]
    [InlineData("LstmGru softmax dropout", 31, 3, true, false)]
    [InlineData("LstmGru softmax dropout", 33, 4, false, false)]
    [InlineData("BiRnnLstm linear", 31, 2, true, true)]
    [InlineData("BiRnnBiGru none", 3, 2, false, false)]
    [InlineData("BiRnnBiGru none", 1, 2, true, true)]
    public void Threaded_gradient_equals_the_models_one_thread_gradient(string name, int batchSize, int threads, bool padded, bool lastStep)
    {
        RecurrentModel<double> model = name switch
        {
            "LstmGru softmax dropout" => TestModels.LstmGru(OutputHead.Softmax, 6, dropout: 0.3),
            "BiRnnLstm linear" => TestModels.BiRnnLstm(OutputHead.Linear, 2),
            _ => TestModels.BiRnnBiGru(),
        };
        int[]? lengths = padded ? [.. Enumerable.Range(0, batchSize).Select(b => 1 + (b * 3 % Steps))] : null;
        LossSteps lossSteps = lastStep ? LossSteps.Last : LossSteps.Every;
        var problem = new ModelProblem(model, Steps, batchSize, lengths, seed: batchSize, lossSteps);
        using var trainer = new ParallelModelTrainer<double>(model, Steps, 40, threads);
        ModelWorkspace<double> workspace = model.CreateWorkspace(Steps, batchSize);
        var tol = new Tolerance(1e-12);
        foreach (BatchReduction reduction in new[] { BatchReduction.Sum, BatchReduction.Mean })
        {
            var (expected, actual) = (Outputs.For(problem), Outputs.For(problem));
            expected.Loss = Run(problem, expected, (final, dInitial, dxs, dp) => model.Gradient(
                problem.P, problem.Xs, batchSize, problem.Lengths, problem.Initial, problem.Targets, final, dInitial, dxs, dp, workspace, reduction, lossSteps, 5),
                (final, dInitial, dxs, dp) => model.Gradient(
                problem.P, problem.Xs, batchSize, problem.Lengths, problem.Initial, problem.Classes, final, dInitial, dxs, dp, workspace, reduction, lossSteps, 5));
            actual.Loss = Run(problem, actual, (final, dInitial, dxs, dp) => trainer.Gradient(
                problem.P, problem.Xs, batchSize, problem.Lengths, problem.Initial, problem.Targets, final, dInitial, dxs, dp, reduction, lossSteps, 5),
                (final, dInitial, dxs, dp) => trainer.Gradient(
                problem.P, problem.Xs, batchSize, problem.Lengths, problem.Initial, problem.Classes, final, dInitial, dxs, dp, reduction, lossSteps, 5));
            string at = $"{name} m = {batchSize}, {threads} threads, {reduction}";
            tol.Check($"{at}: loss", actual.Loss, expected.Loss);
            tol.Check($"{at}: dp", actual.Dp, expected.Dp);
            tol.Check($"{at}: final", actual.Final, expected.Final);
            tol.Check($"{at}: dInitial", actual.DInitial, expected.DInitial);
            tol.Check($"{at}: dxs", actual.Dxs, expected.Dxs);
        }

        tol.AssertAllPassed();
    }

    private delegate double GradientCall(Span<double> final, Span<double> dInitial, Span<double> dxs, Span<double> dp);

    private static double Run(ModelProblem problem, Outputs into, GradientCall squaredError, GradientCall crossEntropy)
    {
        GradientCall call = problem.Model.Output == OutputHead.Softmax ? crossEntropy : squaredError;
        return call(into.Final, into.DInitial, into.Dxs, into.Dp);
    }

    private sealed class Outputs
    {
        public double Loss { get; set; }

        public required double[] Dp { get; init; }

        public required double[] Final { get; init; }

        public required double[] DInitial { get; init; }

        public required double[] Dxs { get; init; }

        public static Outputs For(ModelProblem problem) => new()
        {
            Dp = new double[problem.Model.ParameterCount],
            Final = new double[problem.M * problem.Model.StateLength],
            DInitial = new double[problem.M * problem.Model.StateLength],
            Dxs = new double[problem.Xs.Length],
        };
    }
}
