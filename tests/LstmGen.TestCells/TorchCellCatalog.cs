namespace LstmGen.TestCells;

/// <summary>The cells of TorchCells.cs by name, each held as <see cref="IRecurrentCell{T}"/> of its scalar type.</summary>
public static class TorchCellCatalog
{
    private static readonly Dictionary<string, object> ByName = new(StringComparer.Ordinal)
    {
        [nameof(TorchLstm2x1F)] = RecurrentCell<TorchLstm2x1F.Kernel, float>.Instance,
        [nameof(TorchLstm2x1D)] = RecurrentCell<TorchLstm2x1D.Kernel, double>.Instance,
        [nameof(TorchLstm3x5F)] = RecurrentCell<TorchLstm3x5F.Kernel, float>.Instance,
        [nameof(TorchLstm3x5D)] = RecurrentCell<TorchLstm3x5D.Kernel, double>.Instance,
        [nameof(TorchLstm3x5V4F)] = RecurrentCell<TorchLstm3x5V4F.Kernel, float>.Instance,
        [nameof(TorchLstm3x5V4D)] = RecurrentCell<TorchLstm3x5V4D.Kernel, double>.Instance,
        [nameof(TorchLstm7x17F)] = RecurrentCell<TorchLstm7x17F.Kernel, float>.Instance,
        [nameof(TorchLstm7x17D)] = RecurrentCell<TorchLstm7x17D.Kernel, double>.Instance,
        [nameof(TorchLstm7x17V3F)] = RecurrentCell<TorchLstm7x17V3F.Kernel, float>.Instance,
        [nameof(TorchLstm7x17V3D)] = RecurrentCell<TorchLstm7x17V3D.Kernel, double>.Instance,
        [nameof(TorchLstm4x33F)] = RecurrentCell<TorchLstm4x33F.Kernel, float>.Instance,
        [nameof(TorchLstm4x33D)] = RecurrentCell<TorchLstm4x33D.Kernel, double>.Instance,
        [nameof(TorchRnn2x1F)] = RecurrentCell<TorchRnn2x1F.Kernel, float>.Instance,
        [nameof(TorchRnn2x1D)] = RecurrentCell<TorchRnn2x1D.Kernel, double>.Instance,
        [nameof(TorchRnn3x5F)] = RecurrentCell<TorchRnn3x5F.Kernel, float>.Instance,
        [nameof(TorchRnn3x5D)] = RecurrentCell<TorchRnn3x5D.Kernel, double>.Instance,
        [nameof(TorchRnn3x5V4F)] = RecurrentCell<TorchRnn3x5V4F.Kernel, float>.Instance,
        [nameof(TorchRnn3x5V4D)] = RecurrentCell<TorchRnn3x5V4D.Kernel, double>.Instance,
        [nameof(TorchRnn7x17F)] = RecurrentCell<TorchRnn7x17F.Kernel, float>.Instance,
        [nameof(TorchRnn7x17D)] = RecurrentCell<TorchRnn7x17D.Kernel, double>.Instance,
        [nameof(TorchRnn4x33F)] = RecurrentCell<TorchRnn4x33F.Kernel, float>.Instance,
        [nameof(TorchRnn4x33D)] = RecurrentCell<TorchRnn4x33D.Kernel, double>.Instance,
    };

    /// <summary>The cell named <paramref name="name"/>: an <see cref="IRecurrentCell{T}"/> of float or of double.</summary>
    public static object Get(string name) =>
        ByName.TryGetValue(name, out object? cell) ? cell : throw new InvalidOperationException($"No generated cell {name} in LstmGen.TestCells/TorchCells.cs.");
}
