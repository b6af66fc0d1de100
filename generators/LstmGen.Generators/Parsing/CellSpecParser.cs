using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LstmGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LstmGen.Generators.Parsing;

/// <summary>
/// Turns an attributed class into a <see cref="CellSpec"/>. Returns <c>null</c> for any declaration the
/// generator cannot serve; the analyzers explain why to the user, the generator stays silent.
/// </summary>
internal static class CellSpecParser
{
    /// <summary>Reads the cell declared by the attribute in <paramref name="context"/>, or <c>null</c> if it is invalid.</summary>
    public static CellSpec? TryParse(GeneratorAttributeSyntaxContext context, CellKind kind, CancellationToken token)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type
            || context.TargetNode is not ClassDeclarationSyntax declaration
            || context.Attributes.Length != 1)
        {
            return null;
        }

        token.ThrowIfCancellationRequested();

        if (!IsPartial(declaration) || type.IsGenericType || type.IsAbstract && !type.IsStatic)
        {
            return null;
        }

        List<ContainingTypeSpec>? containing = ReadContainingTypes(type);
        if (containing is null)
        {
            return null;
        }

        if (!TryReadArguments(context.Attributes[0], out int inputSize, out int hiddenSize, out Scalar scalar, out Kernel kernel))
        {
            return null;
        }

        if (!SizesAreValid(inputSize, hiddenSize, kernel))
        {
            return null;
        }

        string? ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        return new CellSpec(
            ns,
            new EquatableArray<ContainingTypeSpec>(containing),
            type.Name,
            type.IsStatic,
            HintNameOf(type),
            kind,
            inputSize,
            hiddenSize,
            scalar,
            kernel);
    }

    /// <summary>Whether D and H are in range and an explicit unrolled request is within the hard limit.</summary>
    public static bool SizesAreValid(int inputSize, int hiddenSize, Kernel kernel)
    {
        if (inputSize < 1 || hiddenSize < 1 || inputSize > KernelLimits.MaxSize || hiddenSize > KernelLimits.MaxSize)
        {
            return false;
        }

        long multiplyAdds = 4L * hiddenSize * (inputSize + hiddenSize);
        return kernel != Kernel.Unrolled || multiplyAdds <= KernelLimits.MaxForcedUnrolledMultiplyAdds;
    }

    private static bool IsPartial(TypeDeclarationSyntax declaration) =>
        declaration.Modifiers.Any(SyntaxKind.PartialKeyword);

    /// <summary>Enclosing types outermost first, or <c>null</c> if one of them is not partial or is generic.</summary>
    private static List<ContainingTypeSpec>? ReadContainingTypes(INamedTypeSymbol type)
    {
        var result = new List<ContainingTypeSpec>();
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.IsGenericType)
            {
                return null;
            }

            TypeDeclarationSyntax? syntax = outer.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax())
                .OfType<TypeDeclarationSyntax>()
                .FirstOrDefault();
            if (syntax is null || !outer.DeclaringSyntaxReferences.All(r => r.GetSyntax() is TypeDeclarationSyntax t && IsPartial(t)))
            {
                return null;
            }

            result.Add(new ContainingTypeSpec(KeywordOf(syntax), outer.Name, outer.IsStatic));
        }

        result.Reverse();
        return result;
    }

    private static string KeywordOf(TypeDeclarationSyntax syntax) => syntax switch
    {
        RecordDeclarationSyntax r when r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
        RecordDeclarationSyntax => "record",
        StructDeclarationSyntax => "struct",
        InterfaceDeclarationSyntax => "interface",
        _ => "class",
    };

    private static bool TryReadArguments(AttributeData attribute, out int inputSize, out int hiddenSize, out Scalar scalar, out Kernel kernel)
    {
        inputSize = hiddenSize = 0;
        scalar = Scalar.Double;
        kernel = Kernel.Auto;

        if (attribute.ConstructorArguments.Length != 2
            || attribute.ConstructorArguments[0].Value is not int d
            || attribute.ConstructorArguments[1].Value is not int h)
        {
            return false;
        }

        inputSize = d;
        hiddenSize = h;
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "Scalar" when named.Value.Value is int s && s is (int)Scalar.Double or (int)Scalar.Float:
                    scalar = (Scalar)s;
                    break;
                case "Kernel" when named.Value.Value is int k && k is >= (int)Kernel.Auto and <= (int)Kernel.Loops:
                    kernel = (Kernel)k;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary><c>Namespace.Outer.Cell.g.cs</c>: unique per type, stable, and valid as a hint name.</summary>
    private static string HintNameOf(INamedTypeSymbol type)
    {
        string name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted));
        return name + ".g.cs";
    }
}
