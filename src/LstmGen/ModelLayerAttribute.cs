namespace LstmGen;

/// <summary>
/// One layer of a <see cref="RecurrentModelAttribute"/> model: a declared cell (<see cref="LstmCellAttribute"/>,
/// <see cref="GruCellAttribute"/> or <see cref="RnnCellAttribute"/>, without a head), forward-only or bidirectional.
/// Layers are stacked in the order they are written, bottom first, all on one declaration of the model.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ModelLayerAttribute : Attribute
{
    /// <summary>Adds the layer of cell <paramref name="cell"/>.</summary>
    /// <param name="cell">A declared cell class, e.g. <c>typeof(Lower)</c>.</param>
    public ModelLayerAttribute(Type cell)
    {
        Cell = cell;
    }

    /// <summary>The layer's cell declaration.</summary>
    public Type Cell { get; }

    /// <summary>Whether the layer also runs over the sequence in reverse, with its own parameters (PyTorch's <c>bidirectional=True</c>); its output is then [forward h_t | reverse h_t], 2H wide.</summary>
    public bool Bidirectional { get; set; }
}
