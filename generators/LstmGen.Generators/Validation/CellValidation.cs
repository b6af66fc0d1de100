using System.Collections.Immutable;
using LstmGen.Generators.Model;

namespace LstmGen.Generators.Validation;

/// <summary>The verdict on one type: the cell to generate, or the problems that keep it from being generated.</summary>
/// <param name="Spec">The cell, when the declaration has no error; <c>null</c> otherwise.</param>
/// <param name="Problems">Every error found (empty when <see cref="Spec"/> is set).</param>
internal sealed record CellValidation(CellSpec? Spec, ImmutableArray<DeclarationProblem> Problems)
{
    /// <summary>The verdict on a type that carries no cell attribute.</summary>
    public static readonly CellValidation NotACell = new(null, ImmutableArray<DeclarationProblem>.Empty);
}
