using System.Diagnostics;
using LstmGen.Analyzers.Tests.Support;

namespace LstmGen.Analyzers.Tests;

/// <summary>
/// A real <c>dotnet build</c> of a small project that references the runtime library and the generator the way a user
/// does (the generator as an analyzer) and contains deliberate mistakes: the build fails and prints our IDs and
/// messages, and nothing from inside generated code.
/// </summary>
public sealed class CommandLineBuildTests
{
    private const string Program = """
        using LstmGen;

        namespace Sample;

        [LstmCell(2, 1)]
        public static class Broken;

        [LstmCell(2, 1)]
        public static partial class TinyLstm;

        public static class Use
        {
            public static Vec2<double> Input() => Vec2<double>.FromSpan(new double[3]);
        }
        """;

    [Fact]
    public async Task Dotnet_build_prints_our_diagnostics_and_fails()
    {
        string directory = Path.Combine(Path.GetTempPath(), "lstmgen-build-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "Sample.csproj"), Project());
            await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), Program);

            (int exitCode, string output) = await RunAsync(directory, "build", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false");

            Assert.True(exitCode != 0, "The build should fail:\n" + output);
            Assert.Contains(
                "error LSTM0001: The cell type 'Broken' must be declared 'partial' so that LstmGen can add the generated members",
                output,
                StringComparison.Ordinal);
            Assert.Contains(
                "error LSTM0101: An array of length 3 is passed to Vec2<double>.FromSpan, which needs exactly 2 values (the 2 values of a Vec2)",
                output,
                StringComparison.Ordinal);
            Assert.Contains("Program.cs(6,21)", output, StringComparison.Ordinal);
            Assert.DoesNotContain("CS8785", output, StringComparison.Ordinal);
            Assert.DoesNotContain("CS8784", output, StringComparison.Ordinal);
            Assert.DoesNotContain("AD0001", output, StringComparison.Ordinal);
            Assert.DoesNotContain(".g.cs(", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Dotnet_build_writes_the_generated_file_of_a_long_CJK_cell_name_with_EmitCompilerGeneratedFiles()
    {
        // A 100-character CJK class name (300 UTF-8 bytes) in a long namespace: its plain hint name is above the 255-byte
        // file-name limit, and csc would fail with CS0016 when it writes the file.
        string name = string.Concat(Enumerable.Repeat("长短期记忆网络单元", 11)) + "甲";
        string program = "using LstmGen;\n\nnamespace Contoso.Forecasting.Experimental.SequenceModels.Recurrent.Cells;\n\n"
            + $"[LstmCell(2, 1)]\npublic static partial class {name};\n";
        string directory = Path.Combine(Path.GetTempPath(), "lstmgen-build-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "Sample.csproj"), Project("<EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>"));
            await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), program);

            (int exitCode, string output) = await RunAsync(directory, "build", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false");

            Assert.True(exitCode == 0, "The build should succeed:\n" + output);
            Assert.DoesNotContain("CS0016", output, StringComparison.Ordinal);
            string written = Assert.Single(
                Directory.GetFiles(Path.Combine(directory, "obj"), "*.g.cs", SearchOption.AllDirectories),
                file => Path.GetFileName(file) != LstmGen.Generators.Emit.VectorTypesEmitter.HintName);
            Assert.Contains(Path.Combine("generated", "LstmGen.Generators", "LstmGen.Generators.CellGenerator"), written, StringComparison.Ordinal);
            Assert.Contains(name, await File.ReadAllTextAsync(written), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Project(string properties = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <OutputType>Library</OutputType>
            {properties}
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{Repository.File("src/LstmGen/LstmGen.csproj")}" />
            <ProjectReference Include="{Repository.File("generators/LstmGen.Generators/LstmGen.Generators.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
          </ItemGroup>
        </Project>
        """;

    private static async Task<(int ExitCode, string Output)> RunAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build took more than 4 minutes:\n" + await stdout);
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
