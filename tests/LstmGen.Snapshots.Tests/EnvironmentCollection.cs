namespace LstmGen.Snapshots.Tests;

/// <summary>
/// Every test here reads or writes the process-wide LSTMGEN_AUTOVERIFY variable, so they all share one
/// collection that never runs in parallel with anything else.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Environment";
}
