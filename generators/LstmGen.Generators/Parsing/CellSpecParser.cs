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

        if (HasBothCellAttributes(type))
        {
            return null;
        }

        if (!TryReadArguments(context.Attributes[0], out CellOptions options))
        {
            return null;
        }

        if (!SizesAreValid(kind, options.InputSize, options.HiddenSize, options.Kernel) || !HeadIsValid(options.Head, options.OutputSize))
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
            options.InputSize,
            options.HiddenSize,
            options.Scalar,
            options.Kernel,
            options.Head == OutputHeadKind.Softmax ? options.OutputSize : 0);
    }

    /// <summary>Whether D and H are in range and an explicit unrolled request is within the hard limit.</summary>
    public static bool SizesAreValid(CellKind kind, int inputSize, int hiddenSize, Kernel kernel)
    {
        if (inputSize < 1 || hiddenSize < 1 || inputSize > KernelLimits.MaxSize || hiddenSize > KernelLimits.MaxSize)
        {
            return false;
        }

        long multiplyAdds = (kind == CellKind.Lstm ? 4L : 1L) * hiddenSize * (inputSize + hiddenSize);
        return kernel != Kernel.Unrolled || multiplyAdds <= KernelLimits.MaxForcedUnrolledMultiplyAdds;
    }

    /// <summary>A softmax head needs 1 ≤ V ≤ max; no head needs V = 0.</summary>
    public static bool HeadIsValid(OutputHeadKind head, int outputSize) => head switch
    {
        OutputHeadKind.None => outputSize == 0,
        OutputHeadKind.Softmax => outputSize >= 1 && outputSize <= KernelLimits.MaxSize,
        _ => false,
    };

    private static bool HasBothCellAttributes(INamedTypeSymbol type) =>
        type.GetAttributes().Count(a => a.AttributeClass?.ToDisplayString() is CellGenerator.LstmAttributeName or CellGenerator.RnnAttributeName) > 1;

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

    private static bool TryReadArguments(AttributeData attribute, out CellOptions options)
    {
        options = default;
        if (attribute.ConstructorArguments.Length != 2
            || attribute.ConstructorArguments[0].Value is not int d
            || attribute.ConstructorArguments[1].Value is not int h)
        {
            return false;
        }

        options = new CellOptions(d, h, Scalar.Double, Kernel.Auto, OutputHeadKind.None, 0);
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "Scalar" when named.Value.Value is int s && s is (int)Scalar.Double or (int)Scalar.Float:
                    options = options with { Scalar = (Scalar)s };
                    break;
                case "Kernel" when named.Value.Value is int k && k is >= (int)Kernel.Auto and <= (int)Kernel.Simd:
                    options = options with { Kernel = (Kernel)k };
                    break;
                case "Output" when named.Value.Value is int o && o is (int)OutputHeadKind.None or (int)OutputHeadKind.Softmax:
                    options = options with { Head = (OutputHeadKind)o };
                    break;
                case "OutputSize" when named.Value.Value is int v:
                    options = options with { OutputSize = v };
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>The attribute's arguments, before validation.</summary>
    private readonly record struct CellOptions(int InputSize, int HiddenSize, Scalar Scalar, Kernel Kernel, OutputHeadKind Head, int OutputSize);

    /// <summary><c>Namespace.Outer.Cell.g.cs</c>: unique per type, stable, and valid as a hint name.</summary>
    private static string HintNameOf(INamedTypeSymbol type)
    {
        string name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted));
        return name + ".g.cs";
    }
}
