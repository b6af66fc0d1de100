using LstmGen.Kernels;

namespace LstmGen.Models.Tests.Catalog;

/// <summary>
/// <see cref="CellCatalog"/> lists every generated cell of LstmGen.TestCells exactly once, under its class name, holding
/// that class's own <c>Kernel</c> (so a name can never silently run another cell), in the cell's scalar type.
/// </summary>
public sealed class CellCatalogTests
{
    private static readonly Type[] DeclaredCells =
    [
        .. typeof(CellCatalog).Assembly.GetTypes()
            .Where(type => type.GetNestedType("Kernel") is { } kernel && IsRecurrentKernel(kernel))
            .OrderBy(type => type.Name, StringComparer.Ordinal),
    ];

    [Fact]
    public void Every_declared_cell_is_listed_and_nothing_else()
    {
        Assert.NotEmpty(DeclaredCells);
        Assert.Equal(DeclaredCells.Select(type => type.Name), CellCatalog.Names.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The generator's constants (computed from <c>CellSpec</c>) and the runtime's <see cref="CellLayout"/> (computed from the
    /// kernel's sizes, head and biases) are two derivations of one layout; for every cell of the catalog — biased and
    /// bias-free, every head — they must agree.
    /// </summary>
    [Fact]
    public void Every_cell_s_generated_constants_are_its_runtime_layout()
    {
        foreach (Type cell in DeclaredCells)
        {
            var layout = (CellLayout)cell.GetProperty("Layout")!.GetValue(null)!;
            int? Constant(string name) => cell.GetField(name)?.GetValue(null) as int?;
            Assert.Equal((layout.InputSize, layout.HiddenSize, layout.GateRows, layout.ParameterCount), (Constant("InputSize"), Constant("HiddenSize"), Constant("GateRows"), Constant("ParameterCount")));
            Assert.Equal(layout.HasBias ? layout.BiasOffset : null, Constant("BiasOffset"));
            Assert.Equal(layout.HasHead ? (layout.OutputSize, layout.HeadWeightOffset, layout.HeadBiasOffset) : (null, null, null), (Constant("OutputSize"), Constant("HeadWeightOffset"), Constant("HeadBiasOffset")));
        }
    }

    [Fact]
    public void Each_name_holds_the_kernel_of_its_own_class()
    {
        foreach (Type cell in DeclaredCells)
        {
            Type held = CellCatalog.Get(cell.Name).GetType();
            Assert.True(held.IsGenericType && held.GetGenericTypeDefinition() == typeof(RecurrentCell<,>), $"{cell.Name}: {held}");
            Assert.Equal(cell.GetNestedType("Kernel"), held.GetGenericArguments()[0]);
        }
    }

    [Fact]
    public void Typed_lookup_checks_the_scalar_type()
    {
        Assert.Equal(2, CellCatalog.Get<double>(nameof(TinyLstm)).InputSize);
        Assert.Equal(1, CellCatalog.Get<double>(nameof(TinyLstm)).HiddenSize);
        ArgumentException wrongScalar = Assert.Throws<ArgumentException>(() => CellCatalog.Get<float>(nameof(TinyLstm)));
        Assert.Contains("Single", wrongScalar.Message, StringComparison.Ordinal);
        ArgumentException unknown = Assert.Throws<ArgumentException>(() => CellCatalog.Get("NoSuchCell"));
        Assert.Contains("NoSuchCell", unknown.Message, StringComparison.Ordinal);
    }

    private static bool IsRecurrentKernel(Type kernel) =>
        kernel.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRecurrentKernel<,>));
}
