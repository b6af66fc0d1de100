using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LstmGen.Generators.Diagnostics;

/// <summary>A buffer length known at compile time, and what kind of buffer it is (for the message).</summary>
/// <param name="Length">The number of elements.</param>
/// <param name="What">"An array", "A collection expression", "A stackalloc buffer" or "A span".</param>
internal readonly record struct KnownLength(int Length, string What)
{
    private const int MaxLocalHops = 4;

    /// <summary>
    /// The length of <paramref name="value"/> when it is evident from the code: an array creation with a constant size or
    /// an initializer, a collection expression without spreads, a <c>stackalloc</c>, a span constructed over or sliced
    /// from one of those with constant bounds, or a local initialised with one of those and afterwards only read.
    /// Anything else is unknown (<c>null</c>): the analyzer does not guess.
    /// </summary>
    public static KnownLength? Of(IOperation? value, CancellationToken token) => Of(value, 0, token);

    private static KnownLength? Of(IOperation? value, int hops, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        while (value is IConversionOperation { Conversion.IsUserDefined: false } conversion)
        {
            value = conversion.Operand;
        }

        if (value is null)
        {
            return null;
        }

        if (StackAlloc(value) is { } stackAllocated)
        {
            return stackAllocated;
        }

        switch (value)
        {
            case IArrayCreationOperation { DimensionSizes.Length: 1 } array
                when array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: int n }:
                return new KnownLength(n, "An array");
            case ICollectionExpressionOperation collection when !collection.Elements.Any(e => e is ISpreadOperation):
                return new KnownLength(collection.Elements.Length, "A collection expression");
            case IObjectCreationOperation creation when IsSpan(creation.Type):
                return SpanOver(creation.Arguments.Select(a => a.Value).ToArray(), hops, token);
            case IInvocationOperation { TargetMethod: { Name: "AsSpan", ContainingType.Name: "MemoryExtensions" } } asSpan
                when IsSpan(asSpan.Type):
                return SpanOver(asSpan.Arguments.Select(a => a.Value).ToArray(), hops, token);
            case IInvocationOperation { TargetMethod.Name: "Slice", Instance: { } instance } slice when IsSpan(slice.Type):
                return SpanOver(new[] { instance }.Concat(slice.Arguments.Select(a => a.Value)).ToArray(), hops, token);
            case ILocalReferenceOperation local when hops < MaxLocalHops:
                return Of(TraceableInitializer(local.Local, value.SemanticModel, token), hops + 1, token);
            default:
                return null;
        }
    }

    /// <summary><c>(buffer)</c> or <c>(buffer, start)</c> over a known buffer, or <c>(buffer, start, length)</c> with a constant length.</summary>
    private static KnownLength? SpanOver(IOperation[] arguments, int hops, CancellationToken token)
    {
        // A constant length says it all, whatever the buffer (if the buffer is shorter, the span itself throws).
        if (arguments.Length == 3)
        {
            return arguments[2].ConstantValue is { HasValue: true, Value: int length } ? new KnownLength(length, "A span") : null;
        }

        if (arguments.Length is < 1 or > 2 || Of(arguments[0], hops, token) is not { } buffer)
        {
            return null;
        }

        if (arguments.Length == 2)
        {
            return arguments[1].ConstantValue is { HasValue: true, Value: int start } && start >= 0 && start <= buffer.Length
                ? new KnownLength(buffer.Length - start, "A span")
                : null;
        }

        return buffer with { What = "A span" };
    }

    private static KnownLength? StackAlloc(IOperation value)
    {
        switch (value.Syntax)
        {
            case StackAllocArrayCreationExpressionSyntax { Initializer: { } initializer }:
                return new KnownLength(initializer.Expressions.Count, "A stackalloc buffer");
            case StackAllocArrayCreationExpressionSyntax { Type: ArrayTypeSyntax { RankSpecifiers: [{ Sizes: [var size] }] } }
                when value.SemanticModel?.GetConstantValue(size) is { HasValue: true, Value: int n }:
                return new KnownLength(n, "A stackalloc buffer");
            case ImplicitStackAllocArrayCreationExpressionSyntax implicitStackAlloc:
                return new KnownLength(implicitStackAlloc.Initializer.Expressions.Count, "A stackalloc buffer");
            default:
                return null;
        }
    }

    private static bool IsSpan(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", Arity: 1, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>
    /// The initializer of a local declared with one and afterwards only read (<see cref="IsPlainRead"/>), never captured
    /// by a lambda or a local function. Any other use (an assignment of any form, a deconstruction, a <c>ref</c>, <c>out</c>
    /// or <c>in</c> argument, a <c>ref</c> local, <c>__makeref</c>, ...) may change which buffer the local holds: unknown.
    /// </summary>
    private static IOperation? TraceableInitializer(ILocalSymbol local, SemanticModel? model, CancellationToken token)
    {
        if (model is null || local.IsRef || local.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        if (local.DeclaringSyntaxReferences[0].GetSyntax(token) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator
            || declarator.Parent is not VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax }
            || !ReferenceEquals(model.SyntaxTree, initializer.SyntaxTree))
        {
            return null;
        }

        SyntaxNode scope = declarator.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax and not GlobalStatementSyntax or CompilationUnitSyntax) ?? declarator.SyntaxTree.GetRoot(token);
        bool onlyRead = scope.DescendantNodes()
            .OfType<IdentifierNameSyntax>()
            .Where(id => id.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, token).Symbol, local))
            .All(id => !IsCaptured(id, declarator) && IsPlainRead(model.GetOperation(id, token)));
        return onlyRead ? model.GetOperation(initializer, token) : null;
    }

    /// <summary>Whether <paramref name="id"/> is in a lambda or local function that does not also declare the local.</summary>
    private static bool IsCaptured(IdentifierNameSyntax id, VariableDeclaratorSyntax declarator) =>
        id.Ancestors()
            .TakeWhile(a => !a.Contains(declarator))
            .Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax);

    /// <summary>
    /// A use of the local that cannot change which buffer it holds: passed by value, converted (not by a user-defined
    /// operator), the receiver of a method or property of an array or a span (<c>a.Length</c>, <c>s[0] = x</c>,
    /// <c>s.Slice(1)</c>), or indexed as an array. Everything else is not understood, so not trusted.
    /// </summary>
    private static bool IsPlainRead(IOperation? use) => use is ILocalReferenceOperation reference && reference.Parent switch
    {
        IArgumentOperation { Parameter.RefKind: RefKind.None } => true,
        IConversionOperation { Conversion.IsUserDefined: false } => true,
        IInvocationOperation { Instance: { } instance } => instance == reference && IsArrayOrSpan(reference.Type),
        IPropertyReferenceOperation { Instance: { } instance } => instance == reference && IsArrayOrSpan(reference.Type),
        IArrayElementReferenceOperation element => element.ArrayReference == reference,
        _ => false,
    };

    private static bool IsArrayOrSpan(ITypeSymbol? type) => type is IArrayTypeSymbol || IsSpan(type);
}
