using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Validation;

/// <summary>
/// One reason a cell declaration is invalid (or, for the info descriptor, a note about it). The analyzer turns it into a
/// <see cref="Diagnostic"/>; the generator only asks whether there is any error. Never part of a pipeline model.
/// </summary>
/// <param name="Descriptor">What is wrong.</param>
/// <param name="Location">Where to report it.</param>
/// <param name="Arguments">The message format's arguments.</param>
/// <param name="Properties">Extra data for code fixes (may be empty).</param>
internal sealed record DeclarationProblem(
    DiagnosticDescriptor Descriptor,
    Location Location,
    ImmutableArray<object?> Arguments,
    ImmutableDictionary<string, string?> Properties)
{
    /// <summary>A problem without properties.</summary>
    public static DeclarationProblem Of(DiagnosticDescriptor descriptor, Location location, params object?[] arguments) =>
        new(descriptor, location, arguments.ToImmutableArray(), ImmutableDictionary<string, string?>.Empty);

    /// <summary>The diagnostic to report.</summary>
    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location, Properties, Arguments.ToArray());
}
