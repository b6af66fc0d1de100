using System.Globalization;

namespace LstmGen.Package.Tests;

/// <summary>The README's "Use it in your project" cell, declared here too (through the repository's generator).</summary>
[RnnCell(inputSize: 4, hiddenSize: 16, OutputSize = 4, Output = OutputHead.Softmax)]
public static partial class CharRnn;

/// <summary>
/// The README's "Use it in your project" program: <see cref="Code"/> reads it from README.md (the consumer app's
/// Program.cs is exactly that block), and <see cref="ExpectedOutput"/> is a copy of its statements run in-process,
/// whose output the consumer must print character for character. If the README block changes, update the copy.
/// </summary>
internal static class ReadmeExample
{
    /// <summary>The first C# block of the README's "## Use it in your project" section.</summary>
    public static string Code(string repository)
    {
        string readme = File.ReadAllText(Path.Combine(repository, "README.md")).ReplaceLineEndings("\n");
        int section = readme.IndexOf("## Use it in your project", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no '## Use it in your project' section");
        int start = readme.IndexOf("```csharp\n", section, StringComparison.Ordinal) + "```csharp\n".Length;
        int end = readme.IndexOf("```\n", start, StringComparison.Ordinal);
        return readme[start..end];
    }

    /// <summary>What the README program prints, computed in-process with the same statements.</summary>
    public static string ExpectedOutput()
    {
        var console = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };

        var p = new CharRnn.Parameters();                        // θ, allocated once
        var random = new Random(1);
        foreach (ref double w in p.AsSpan()) w = (random.NextDouble() - 0.5) * 0.2;
        var grads = new CharRnn.Gradients();
        var workspace = new CharRnn.Workspace(maxSteps: 4);
        var adam = new Adam<double>(CharRnn.ParameterCount, learningRate: 0.05);

        int[] inputs = [0, 1, 2, 3], targets = [1, 2, 3, 0];     // learn "each class is followed by the next"
        for (int step = 0; step <= 100; step++)
        {
            grads.Clear();
            var (loss, _) = CharRnn.CrossEntropyLossAndGradients(p, inputs, targets, CharRnn.State.Zero, workspace, grads);
            grads.ClipByGlobalNorm(5.0);
            adam.Step(p.AsSpan(), grads.AsSpan());
            if (step % 25 == 0) console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"step {step}: loss {loss:F4}"));
        }

        return console.ToString();
    }
}
