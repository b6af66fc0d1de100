using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Validation;

/// <summary>
/// LSTM0017: a non-generic type named <c>LstmGen</c> in the global namespace hides the runtime library's namespace
/// <c>LstmGen</c> in the whole project (C# prefers a source type to an imported namespace, CS0437), so no cell
/// attribute can bind and the generator sees no cell. A generic <c>LstmGen&lt;T&gt;</c> (another arity) or a type
/// <c>LstmGen</c> inside a namespace does not hide it, because the generated code names everything with <c>global::</c>.
/// </summary>
internal static class HiddenNamespaceRule
{
    /// <summary>Whether <paramref name="type"/> hides the namespace <see cref="CellGenerator.RuntimeNamespace"/>.</summary>
    public static bool Hides(INamedTypeSymbol type) =>
        type is { ContainingType: null, Arity: 0, Name: CellGenerator.RuntimeNamespace, ContainingNamespace.IsGlobalNamespace: true };
}
