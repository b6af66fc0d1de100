using System.Globalization;
using System.Text;
using Cell = LstmGen.Demo.CrossEntropy.CharacterCell;

namespace LstmGen.Demo.CrossEntropy;

/// <summary>
/// A short cross-entropy example on seed 003's model: inputs 0..9 (one-hot), each step's target is the next
/// digit (seed 003 uses the same digit; predicting the successor is a task the model must actually learn), trained
/// with SGD and gradient-norm clipping. Prints the loss every few steps.
/// </summary>
public static class CrossEntropyExample
{
    /// <summary>Steps of SGD the example runs.</summary>
    public const int Steps = 60;

    /// <summary>Runs the example and returns its report (deterministic).</summary>
    public static string Run()
    {
        int[] inputs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        int[] targets = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0];
        var p = new Cell.Parameters();
        Initialise(p, seed: 3);
        var grads = new Cell.Gradients();
        var workspace = new Cell.Workspace(inputs.Length);

        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"Cross-entropy: LSTM D = {Cell.InputSize} (one-hot), H = {Cell.HiddenSize}, softmax head V = {Cell.OutputSize}; predict the next digit of 0..9, SGD lr 0.5, clip ‖dθ‖ ≤ 5.\n");
        report.Append(CultureInfo.InvariantCulture, $"  uniform guess: loss per step ln 10 = {Math.Log(10):F4}\n");
        double first = 0, last = 0;
        for (int step = 0; step <= Steps; step++)
        {
            grads.Clear();
            (double loss, _) = Cell.CrossEntropyLossAndGradients(p, inputs, targets, Cell.State.Zero, workspace, grads);
            double perStep = loss / inputs.Length;
            if (step == 0)
            {
                first = perStep;
            }

            last = perStep;
            if (step % 10 == 0)
            {
                report.Append(CultureInfo.InvariantCulture, $"  step {step,3}: loss per step {perStep:F4}\n");
            }

            grads.ClipByGlobalNorm(5.0);
            Cell.Sgd(p, grads, 0.5);
        }

        report.Append(CultureInfo.InvariantCulture, $"  loss fell from {first:F4} to {last:F4} per step.\n");
        return report.ToString();
    }

    /// <summary>Small uniform weights in [-0.1, 0.1] from a fixed seed (System.Random's seeded sequence is stable).</summary>
    private static void Initialise(Cell.Parameters p, int seed)
    {
        var random = new Random(seed);
        foreach (ref double value in p.AsSpan())
        {
            value = (random.NextDouble() * 0.2) - 0.1;
        }
    }
}
