using LstmGen.Demo.Cli;

namespace LstmGen.Models.Tests.Demo;

/// <summary>Runs the demo's command line in-process with string writers, as the command-line tests need it.</summary>
internal static class InProcessDemo
{
    /// <summary>Runs the command line non-interactively; returns the exit code and what it wrote to each writer.</summary>
    public static (int Code, string Output, string Error) Run(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = DemoCommandLine.Run(args, output, error, interactive: false);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The non-empty, trimmed lines of <paramref name="text"/>.</summary>
    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
