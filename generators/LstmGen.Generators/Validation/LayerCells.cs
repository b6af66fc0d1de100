using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LstmGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Validation;

/// <summary>A layer's cell as a model needs it: kind, sizes, scalar and head.</summary>
/// <param name="Kind">The cell kind.</param>
/// <param name="InputSize">D.</param>
/// <param name="HiddenSize">H.</param>
/// <param name="Scalar">The scalar type.</param>
/// <param name="OutputSize">V of the cell's own head; 0 without one.</param>
/// <param name="ParameterCount">The scalars of the cell's parameter buffer.</param>
internal readonly record struct LayerCell(CellKind Kind, int InputSize, int HiddenSize, Scalar Scalar, int OutputSize, int ParameterCount);

/// <summary>Reads the cell a <c>[ModelLayer(typeof(C))]</c> names.</summary>
internal static class LayerCells
{
    /// <summary>The outcome of reading a layer's type.</summary>
    internal enum Verdict
    {
        /// <summary>A valid cell: <see cref="LayerCell"/> is set.</summary>
        Cell,

        /// <summary>The type carries no cell attribute.</summary>
        NotACell,

        /// <summary>A cell declaration with errors of its own (reported at the cell), or one in another assembly that cannot be read.</summary>
        InvalidCell,
    }

    /// <summary>
    /// Reads <paramref name="type"/>: a cell declared in source is checked with the cell rules (sizes from its attribute); a
    /// cell from a referenced assembly compiled, so its generated constants and kernel give the sizes and the scalar.
    /// </summary>
    public static Verdict Read(INamedTypeSymbol type, CancellationToken token, out LayerCell cell)
    {
        cell = default;
        ImmutableArray<AttributeData> attributes = CellAttributes.On(type);
        if (attributes.IsEmpty)
        {
            return Verdict.NotACell;
        }

        if (type.DeclaringSyntaxReferences.IsEmpty)
        {
            return FromMetadata(type, CellAttributes.KindOf(attributes[0].AttributeClass)!.Value, out cell);
        }

        if (CellDeclarationRules.Validate(type, token).Spec is not { } spec)
        {
            return Verdict.InvalidCell;
        }

        cell = new LayerCell(spec.Kind, spec.InputSize, spec.HiddenSize, spec.Scalar, spec.OutputSize, spec.ParameterCount);
        return Verdict.Cell;
    }

    private static Verdict FromMetadata(INamedTypeSymbol type, CellKind kind, out LayerCell cell)
    {
        cell = default;
        INamedTypeSymbol? kernel = type.GetTypeMembers("Kernel").FirstOrDefault();
        ITypeSymbol? scalar = kernel?.AllInterfaces
            .FirstOrDefault(i => i.Name == "IRecurrentKernel" && i.TypeArguments.Length == 2)?.TypeArguments[1];
        if (Constant(type, "InputSize") is not { } d || Constant(type, "HiddenSize") is not { } h || Constant(type, "ParameterCount") is not { } count
            || scalar?.SpecialType is not (SpecialType.System_Double or SpecialType.System_Single))
        {
            return Verdict.InvalidCell;
        }

        cell = new LayerCell(kind, d, h, scalar.SpecialType == SpecialType.System_Single ? Scalar.Float : Scalar.Double, Constant(type, "OutputSize") ?? 0, count);
        return Verdict.Cell;
    }

    private static int? Constant(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue)?.ConstantValue as int?;
}
