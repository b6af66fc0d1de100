using System.Globalization;
using System.Security.Cryptography;
using LstmGen.Onnx;

namespace LstmGen.Package.Tests;

/// <summary>The README's "Use it in your project" cell, declared here too (through the repository's generator).</summary>
[RnnCell(inputSize: 4, hiddenSize: 16, OutputSize = 4, Output = OutputHead.Softmax)]
public static partial class CharRnn;

/// <summary>
/// The README's "Use it in your project" program: <see cref="ProgramWithOnnxExport"/> reads it from README.md (the
/// consumer app's Program.cs is that block with the section's ONNX export block after the training loop, and one line
/// printing what the export wrote), and <see cref="ExpectedOutput"/> is a copy of its statements run in-process, whose
/// output the consumer must print character for character. If a README block changes, update the copy.
/// </summary>
internal static class ReadmeExample
{
    /// <summary>The file the README's ONNX export block writes.</summary>
    public const string OnnxFileName = "char_rnn.onnx";

    /// <summary>The first C# block of the README's "## Use it in your project" section.</summary>
    public static string Code(string repository) => Block(repository, 0);

    /// <summary>
    /// The first block with the second (the ONNX export: its <c>using</c> lines go to the top, its statements after the
    /// training loop, before the cell declaration), then a line printing the ONNX file's size, first byte and SHA-256.
    /// </summary>
    public static string ProgramWithOnnxExport(string repository)
    {
        string program = Code(repository), export = Block(repository, 1);
        Assert.Contains($"OnnxExport.Save(\"{OnnxFileName}\"", export, StringComparison.Ordinal);
        string[] lines = export.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string usings = string.Concat(lines.Where(IsUsing).Select(l => l + "\n"));
        string statements = string.Concat(lines.Where(l => !IsUsing(l)).Select(l => l + "\n"));
        int declaration = program.IndexOf("\n[RnnCell", StringComparison.Ordinal) + 1;
        Assert.True(declaration > 0, "the README program ends with the [RnnCell] declaration");
        const string Report = $"byte[] onnxFile = File.ReadAllBytes(\"{OnnxFileName}\");\n" +
            "Console.WriteLine($\"onnx: {onnxFile.Length} bytes, first byte 0x{onnxFile[0]:X2}, sha256 {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(onnxFile))}\");\n";
        return usings + program[..declaration] + statements + Report + "\n" + program[declaration..];

        static bool IsUsing(string line) => line.StartsWith("using ", StringComparison.Ordinal);
    }

    /// <summary>What the README program with its ONNX export prints, computed in-process with the same statements;
    /// <paramref name="onnx"/> is the model the export writes.</summary>
    public static string ExpectedOutput(out byte[] onnx)
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

        onnx = OnnxExport.ToBytes(CharRnn.Layout, p.AsSpan());
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"onnx: {onnx.Length} bytes, first byte 0x{onnx[0]:X2}, sha256 {Convert.ToHexString(SHA256.HashData(onnx))}"));
        return console.ToString();
    }

    /// <summary>
    /// The section's shell blocks that build from a local feed, in order: each starts with a line saying where it runs,
    /// <c># in the repository</c> or <c># in your project</c>. Blocks without such a line (the nuget.org commands) are
    /// not part of the local-feed path.
    /// </summary>
    public static IReadOnlyList<ShellBlock> LocalFeedCommands(string repository) =>
        [.. Blocks(repository, "sh")
            .Where(b => b.StartsWith(RepositoryMarker, StringComparison.Ordinal) || b.StartsWith(ProjectMarker, StringComparison.Ordinal))
            .Select(b => new ShellBlock(b.StartsWith(RepositoryMarker, StringComparison.Ordinal), b))];

    private const string RepositoryMarker = "# in the repository\n", ProjectMarker = "# in your project\n";

    /// <summary>The <paramref name="index"/>-th C# block of the README's "## Use it in your project" section.</summary>
    private static string Block(string repository, int index)
    {
        string[] blocks = Blocks(repository, "csharp");
        Assert.True(index < blocks.Length, $"README.md's '## Use it in your project' section has no C# block number {index + 1}");
        return blocks[index];
    }

    /// <summary>The <paramref name="language"/> blocks of the README's "## Use it in your project" section.</summary>
    private static string[] Blocks(string repository, string language)
    {
        string readme = File.ReadAllText(Path.Combine(repository, "README.md")).ReplaceLineEndings("\n");
        int section = readme.IndexOf("## Use it in your project", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no '## Use it in your project' section");
        int sectionEnd = readme.IndexOf("\n## ", section + 1, StringComparison.Ordinal);
        var blocks = new List<string>();
        string fence = $"```{language}\n";
        for (int start = readme.IndexOf(fence, section, StringComparison.Ordinal); start >= 0 && start < sectionEnd; start = readme.IndexOf(fence, start, StringComparison.Ordinal))
        {
            start += fence.Length;
            int end = readme.IndexOf("```\n", start, StringComparison.Ordinal);
            blocks.Add(readme[start..end]);
        }

        return [.. blocks];
    }
}

/// <summary>A README shell block and where it runs: in a clone of the repository, or in the user's project folder.</summary>
internal sealed record ShellBlock(bool InRepository, string Script);
