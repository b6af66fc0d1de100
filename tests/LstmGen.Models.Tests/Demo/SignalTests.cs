using System.Diagnostics;
using System.Globalization;
using LstmGen.Demo.Checkpoints;
using LstmGen.Demo.Forecasting;

namespace LstmGen.Models.Tests.Demo;

/// <summary>
/// The real demo as a child process (<c>dotnet LstmGen.Demo.dll train ...</c> or <c>forecast ...</c>), stopped by a signal as <c>docker
/// stop</c>, systemd and <c>timeout</c> (SIGTERM), a closed terminal (SIGHUP) or Ctrl+C (SIGINT) stop it: training ends
/// after the current step, the checkpoint is written and loads, and the exit code is 0.
/// </summary>
public sealed class SignalTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lstmgen-signal-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("TERM", "train")]
    [InlineData("HUP", "train")]
    [InlineData("INT", "train")]
    [InlineData("TERM", "forecast")]
    [InlineData("INT", "forecast")]
    public async Task Signal_stops_training_after_the_current_step_and_saves_the_run(string signal, string command)
    {
        if (OperatingSystem.IsWindows())
        {
            return;   // POSIX signals sent with kill(1)
        }

        // A process started in the background of a non-interactive shell (as `.ci/run &` is) inherits SIGINT ignored, one
        // started under `nohup` inherits SIGHUP ignored, and an ignored signal stays ignored across exec (.NET then
        // rightly leaves it ignored): the demo would never see it. `env --default-signal` (GNU coreutils) gives the child
        // the default dispositions back, as an interactive terminal would; where env lacks the option the child is
        // started directly.
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        bool resetSignals = DefaultSignalSupported();
        var start = new ProcessStartInfo(resetSignals ? "env" : dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] demo = command == "train"
            ? [Path.Combine(AppContext.BaseDirectory, "LstmGen.Demo.dll"), "train", "--model", "lstm32", "--steps", "1000000", "--sample-every", "0", "--out", _directory]
            : [Path.Combine(AppContext.BaseDirectory, "LstmGen.Demo.dll"), "forecast", "--steps", "1000000", "--out", _directory];
        foreach (string argument in resetSignals ? ["--default-signal=INT,TERM,HUP", dotnet, .. demo] : demo)
        {
            start.ArgumentList.Add(argument);
        }

        using Process child = Process.Start(start)!;
        Task<string> errors = child.StandardError.ReadToEndAsync();
        string? line;
        while ((line = await child.StandardOutput.ReadLineAsync()) is not null && !line.Contains("steps of", StringComparison.Ordinal))
        {
        }

        Assert.NotNull(line);                    // the header is printed after the handlers are registered
        await Task.Delay(500);                      // let it train some steps
        using (Process kill = Process.Start("kill", ["-" + signal, child.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        Task<string> rest = child.StandardOutput.ReadToEndAsync();
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            try
            {
                await child.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                child.Kill();
                Assert.Fail($"SIG{signal}: the demo did not exit within 60 s.");
            }
        }

        string output = await rest;
        Assert.True(child.ExitCode == 0, $"SIG{signal}: exit code {child.ExitCode}\n{output}{await errors}");
        Assert.Contains("Interrupted after step", output, StringComparison.Ordinal);
        (long step, int losses) = command == "train" ? SavedTraining() : SavedForecast();
        Assert.InRange(step, 1, 999_999);
        Assert.Equal(step, losses);
    }

    private (long Step, int Losses) SavedTraining()
    {
        Checkpoint saved = CheckpointFile.Load(Path.Combine(_directory, "lstm32.ckpt"));
        return (saved.Step, saved.Losses.Length);
    }

    private (long Step, int Losses) SavedForecast()
    {
        ForecastCheckpoint saved = ForecastCheckpointFile.Load(Path.Combine(_directory, "forecast-lstm.ckpt"));
        return (saved.Step, saved.Losses.Length);
    }

    private static bool DefaultSignalSupported()
    {
        try
        {
            using Process probe = Process.Start(new ProcessStartInfo("env", ["--default-signal=INT,TERM,HUP", "true"]) { RedirectStandardError = true, UseShellExecute = false })!;
            probe.WaitForExit();
            return probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
