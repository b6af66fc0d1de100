using System.Diagnostics;

namespace LstmGen.SimdWidths.Tests;

/// <summary>
/// The contract's SIMD kernels at every vector width: LstmGen.SimdWidths (steps against the loop kernels, batches against
/// the single steps, batch BPTT against the MathNet reference; its tolerances are stated there) in a child process per
/// instruction set. The environment switches widths off (DOTNET_EnableAVX512=0: Vector256; DOTNET_EnableAVX2=0:
/// Vector128; DOTNET_EnableHWIntrinsic=0: the scalar fallbacks; DOTNET_PreferredVectorBitWidth=256: Vector256 on a CPU
/// with AVX-512), never on, so each run also checks that the child accelerated no wider vectors than the variable allows
/// (else the run would silently repeat the default width). A child that does not exit 0 fails the test with its output.
/// </summary>
public sealed class SimdWidthTests
{
    private static readonly (string Name, string[] Variables, string[] NotAccelerated)[] InstructionSets =
    [
        ("default", [], []),
        ("AVX-512 off", ["DOTNET_EnableAVX512=0"], ["Vector512"]),
        ("preferred width 256", ["DOTNET_PreferredVectorBitWidth=256"], ["Vector512"]),
        ("AVX2 off", ["DOTNET_EnableAVX2=0"], ["Vector512", "Vector256"]),
        ("hardware intrinsics off", ["DOTNET_EnableHWIntrinsic=0"], ["Vector512", "Vector256", "Vector128"]),
    ];

    public static TheoryData<string> Sets() => [.. InstructionSets.Select(set => set.Name)];

    [Theory]
    [MemberData(nameof(Sets))]
    public void The_simd_kernels_agree_at_this_width(string instructionSet)
    {
        var (_, variables, notAccelerated) = InstructionSets.Single(set => set.Name == instructionSet);
        (int exitCode, string output) = Run(variables);
        Assert.True(exitCode == 0, $"LstmGen.SimdWidths under {instructionSet} exited with {exitCode}:\n{output}");
        Assert.Contains("all checks passed", output, StringComparison.Ordinal);
        foreach (string width in notAccelerated)
        {
            Assert.Contains($"{width} False", output, StringComparison.Ordinal);
        }
    }

    private static (int ExitCode, string Output) Run(IEnumerable<string> variables)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (string variable in variables)
        {
            int equals = variable.IndexOf('=', StringComparison.Ordinal);
            start.Environment[variable[..equals]] = variable[(equals + 1)..];
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output + "\n(timed out after 5 minutes)");
        }

        return (process.ExitCode, output + error.Result);
    }
}
