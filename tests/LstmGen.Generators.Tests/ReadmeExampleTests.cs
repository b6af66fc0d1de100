using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Tests;

/// <summary>
/// The README's quick-start block, taken from README.md as it is committed, compiles with the generator without a
/// warning, and running it returns the loss that the LSTM equations give by hand; the contract and model examples
/// compile and run too.
/// </summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void Quick_start_compiles_runs_and_returns_the_hand_computed_loss()
    {
        string code = QuickStartBlock();
        Assert.True(code.Split('\n').Length <= 22, "the quick start should stay short");

        CompileAndRun(code, assembly =>
        {
            var loss = (double)assembly.GetType("QuickStart")!.GetMethod("TrainOneStep")!.Invoke(null, null)!;
            Assert.Equal(HandComputedLoss(), loss, 1e-15);
        });
    }

    [Fact]
    public void Contract_example_compiles_runs_and_matches_the_hand_computed_loss_and_the_typed_api()
    {
        // The README block, and beside it a check that runs the same cell's typed API on the same data.
        string code = Block("**The cell contract") + """

            public static class ContractCheck
            {
                public static double[][] Gradients()
                {
                    var contract = new TinyLstm.Gradients();
                    ContractStart.TrainOneStep(contract);
                    var p = new TinyLstm.Parameters();
                    p.W(LstmGate.Input, 0, 0) = 0.95;
                    p.B(LstmGate.Candidate, 0) = 0.5;
                    var typed = new TinyLstm.Gradients();
                    TinyLstm.LossAndGradients(
                        p, [Vec2<double>.FromSpan([1.0, 2.0]), Vec2<double>.FromSpan([0.5, 3.0])],
                        [Vec1<double>.FromSpan([0.5]), Vec1<double>.FromSpan([1.25])], TinyLstm.State.Zero, new TinyLstm.Workspace(2), typed);
                    return [contract.AsSpan().ToArray(), typed.AsSpan().ToArray()];
                }
            }
            """;
        CompileAndRun(code, assembly =>
        {
            object grads = Activator.CreateInstance(assembly.GetType("TinyLstm")!.GetNestedType("Gradients")!)!;
            var loss = (double)assembly.GetType("ContractStart")!.GetMethod("TrainOneStep")!.Invoke(null, [grads])!;
            Assert.Equal(HandComputedLoss(), loss, 1e-15);

            // Since 0.2 the typed API forwards to the same contract (TypedCell), so both run the generic loop kernels; the
            // bound is the one kept from 0.1, when the typed side was the cell's unrolled code with another summation order.
            var both = (double[][])assembly.GetType("ContractCheck")!.GetMethod("Gradients")!.Invoke(null, null)!;
            double[] contract = both[0], typed = both[1];
            double scale = typed.Max(Math.Abs);
            Assert.True(scale > 0);
            for (int k = 0; k < typed.Length; k++)
            {
                Assert.True(Math.Abs(typed[k] - contract[k]) <= 1e-12 * Math.Max(Math.Abs(typed[k]), 1e-3 * scale), $"dθ[{k}]: {contract[k]} vs typed {typed[k]}");
            }
        });
    }

    /// <summary>Compiles <paramref name="code"/> with the generator (one generated cell, no warning), loads it into a
    /// collectible context and runs <paramref name="check"/> on the assembly.</summary>
    [Fact]
    public void Model_example_compiles_runs_and_its_loss_falls_to_a_hundredth()
    {
        // A declared bidirectional LSTM → GRU model with a linear head, trained many-to-one with Adam on one batch: a
        // gradient of the wrong sign or size would not bring the loss down a hundredfold in 100 steps.
        CompileAndRun(Block("**Training a model.**"), assembly =>
        {
            var losses = (double[])assembly.GetType("ModelExample")!.GetMethod("Train")!.Invoke(null, null)!;
            Assert.Equal(100, losses.Length);
            Assert.All(losses, loss => Assert.True(double.IsFinite(loss) && loss >= 0));
            Assert.True(losses[^1] < 0.01 * losses[0], $"the loss fell only from {losses[0]} to {losses[^1]}");
        }, generatedFiles: 3);   // Encoder, Decoder and the model
    }

    private static void CompileAndRun(string code, Action<Assembly> check, int generatedFiles = 1)
    {
        GeneratorRun run = GeneratorHarness.Run(code);
        Assert.Null(run.Exception);
        Assert.Equal(generatedFiles, run.GeneratedSources.Length);
        Assert.True(
            GeneratorHarness.WarningsAndErrors(run.OutputCompilation).IsEmpty,
            GeneratorHarness.Describe(GeneratorHarness.WarningsAndErrors(run.OutputCompilation)));

        using var image = new MemoryStream();
        Assert.True(run.OutputCompilation.Emit(image).Success);
        var context = new AssemblyLoadContext("readme", isCollectible: true);
        try
        {
            image.Position = 0;
            check(context.LoadFromStream(image));
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>
    /// Only W_i[0,0] = 0.95 and b_g = 0.5 are non-zero: f = o = σ(0) = ½ and g = tanh(0.5) at both steps, i = σ(0.95·x_0),
    /// c_t = ½·c_{t-1} + i_t·g, h_t = ½·tanh(c_t); L = ½(h_0 − 0.5)² + ½(h_1 − 1.25)².
    /// </summary>
    private static double HandComputedLoss()
    {
        static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
        double g = Math.Tanh(0.5);
        double c0 = Sigmoid(0.95 * 1.0) * g;
        double c1 = (0.5 * c0) + (Sigmoid(0.95 * 0.5) * g);
        double h0 = 0.5 * Math.Tanh(c0), h1 = 0.5 * Math.Tanh(c1);
        return (0.5 * (h0 - 0.5) * (h0 - 0.5)) + (0.5 * (h1 - 1.25) * (h1 - 1.25));
    }

    private static string QuickStartBlock() => Block("## Quick start");

    private static string Block(string heading)
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        int section = readme.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(section >= 0, $"README.md has no '{heading}' section");
        int start = readme.IndexOf("```csharp\n", section, StringComparison.Ordinal) + "```csharp\n".Length;
        int end = readme.IndexOf("```", start, StringComparison.Ordinal);
        return readme[start..end];
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LstmGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LstmGen.sln not found above " + AppContext.BaseDirectory);
    }
}
