namespace LstmGen.Analyzers.Tests.Fuzz;

/// <summary>One random declaration, alone in its file and namespace.</summary>
/// <param name="Index">Position in the run (the namespace is <c>Fuzz{Index}</c>, the file <c>Case{Index}.cs</c>).</param>
/// <param name="Source">The whole file.</param>
/// <param name="AttributeBinds">Whether the attribute is spelled so that it binds to LstmGen's (if the syntax lets it).</param>
/// <param name="Mutated">Whether characters were deleted or inserted at random (a syntax error is likely).</param>
internal sealed record FuzzCase(int Index, string Source, bool AttributeBinds, bool Mutated)
{
    /// <summary>The file name of the case.</summary>
    public string Path => $"Case{Index}.cs";

    /// <summary>The prefix of the hint names of the files generated for this case.</summary>
    public string HintPrefix => $"Fuzz{Index}.";
}
