using System.Diagnostics;
using System.Text;

namespace LstmGen.Package.Tests;

/// <summary>Runs <c>dotnet</c> (or a shell running dotnet) as a child process with a clean MSBuild environment, no build servers and a time limit.</summary>
internal static class ProcessRunner
{
    /// <summary>The result of a finished process.</summary>
    public sealed record Result(int ExitCode, string Output)
    {
        /// <summary>Fails with the command's output unless it exited with 0.</summary>
        public Result EnsureSuccess(string what)
        {
            Assert.True(ExitCode == 0, $"{what} exited with {ExitCode}:\n{Output}");
            return this;
        }
    }

    /// <summary>Runs <c>dotnet <paramref name="arguments"/></c> in <paramref name="directory"/>.</summary>
    public static Result Dotnet(string directory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] arguments) =>
        Run("dotnet", directory, environment, timeout, arguments);

    /// <summary>Runs <c><paramref name="program"/> <paramref name="arguments"/></c> in <paramref name="directory"/>.</summary>
    public static Result Run(string program, string directory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs inside `dotnet test`, whose MSBuild variables would point a child build at the wrong SDK
        // pieces; and build servers outliving the child would hold its output pipes open.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("DOTNET_HOST", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish within {timeout}:\n{Read(output)}");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, Read(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
