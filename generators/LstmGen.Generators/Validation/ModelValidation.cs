using System.Collections.Immutable;
using LstmGen.Generators.Model;

namespace LstmGen.Generators.Validation;

/// <summary>The verdict on one type's model declaration: the model to generate, or the problems that keep it from being generated.</summary>
/// <param name="Spec">The model, when the declaration has no error; <c>null</c> otherwise.</param>
/// <param name="Problems">Every error found on the model declaration (empty when <see cref="Spec"/> is set). An invalid layer cell's own errors are the cell's.</param>
internal sealed record ModelValidation(ModelSpec? Spec, ImmutableArray<DeclarationProblem> Problems)
{
    /// <summary>The verdict on a type that carries neither <c>[RecurrentModel]</c> nor <c>[ModelLayer]</c>.</summary>
    public static readonly ModelValidation NotAModel = new(null, ImmutableArray<DeclarationProblem>.Empty);
}
