namespace LstmGen.Interop;

/// <summary>
/// One tensor's entry in a safetensors header exactly as the JSON states it (dtype name, dimensions, offsets
/// relative to the data section), before any check beyond "these are integers".
/// </summary>
/// <param name="Name">The tensor's name (the JSON key).</param>
/// <param name="DataType">The dtype string, e.g. "F32".</param>
/// <param name="Shape">The dimensions, each a non-negative 64-bit integer.</param>
/// <param name="Begin">The first byte of the tensor in the data section.</param>
/// <param name="End">One past its last byte.</param>
internal sealed record SafeTensorsHeaderEntry(string Name, string DataType, long[] Shape, long Begin, long End)
{
    /// <summary>"[0, 96]", for messages.</summary>
    public string Offsets => $"[{Begin}, {End}]";

    /// <summary>"[2, 3]", for messages.</summary>
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";
}
