using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Tests;

/// <summary>Reads the incremental steps of a run: the generator's own tracked stages and its source outputs.</summary>
internal static class TrackedSteps
{
    /// <summary>The name of the step Roslyn records for <c>RegisterSourceOutput</c> (in <c>TrackedOutputSteps</c>).</summary>
    public const string SourceOutput = "SourceOutput";

    /// <summary>Every tracking name the generator declares in <see cref="CellGenerator.Steps"/>.</summary>
    public static ImmutableArray<string> GeneratorStepNames { get; } = typeof(CellGenerator.Steps)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .OrderBy(name => name, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>The steps of the generator's declared stages that ran (by tracking name), skipping the stages Roslyn adds inside its own providers.</summary>
    public static IEnumerable<(string Name, IncrementalGeneratorRunStep Step)> GeneratorSteps(GeneratorRun run) =>
        GeneratorStepNames
            .Where(run.Single.TrackedSteps.ContainsKey)
            .SelectMany(name => run.Single.TrackedSteps[name].Select(step => (name, step)));

    /// <summary>The steps of every <c>RegisterSourceOutput</c>.</summary>
    public static IEnumerable<(string Name, IncrementalGeneratorRunStep Step)> OutputSteps(GeneratorRun run) =>
        run.Single.TrackedOutputSteps.SelectMany(pair => pair.Value.Select(step => (pair.Key, step)));

    /// <summary>Every output of <paramref name="steps"/> with the name of the step that produced it.</summary>
    public static IEnumerable<(string Name, object Value, IncrementalStepRunReason Reason)> Outputs(
        IEnumerable<(string Name, IncrementalGeneratorRunStep Step)> steps) =>
        steps.SelectMany(s => s.Step.Outputs.Select(o => (s.Name, o.Value, o.Reason)));

    /// <summary>One line per output, <c>name: reason</c>, for assertion messages.</summary>
    public static string Describe(IEnumerable<(string Name, object Value, IncrementalStepRunReason Reason)> outputs) =>
        string.Join('\n', outputs.Select(o => $"{o.Name}: {o.Reason}"));
}
