namespace LstmGen.Interop;

/// <summary>
/// Checks that parsed header entries describe the data section exactly: every dtype is F32 or F64, every shape fits
/// an array and its byte size equals its offsets' span, every range lies inside the data section, and the ranges
/// cover the data section with no overlap and no hole (the reference implementation refuses holes too).
/// </summary>
internal static class SafeTensorsLayoutValidator
{
    /// <summary>A tensor ready to be cut out of the data section.</summary>
    /// <param name="Entry">The header entry.</param>
    /// <param name="DataType">Its element type.</param>
    /// <param name="Shape">Its dimensions, each within int.</param>
    internal readonly record struct CheckedTensor(SafeTensorsHeaderEntry Entry, TensorDataType DataType, int[] Shape);

    /// <summary>
    /// Validates <paramref name="entries"/> against a data section of <paramref name="dataLength"/> bytes and
    /// returns them sorted by their position in the data section.
    /// </summary>
    /// <exception cref="SafeTensorsFormatException">An entry breaks a rule; the message names it.</exception>
    public static CheckedTensor[] Validate(IReadOnlyList<SafeTensorsHeaderEntry> entries, long dataLength, SafeTensorsReadOptions options)
    {
        var tensors = new CheckedTensor[entries.Count];
        for (int k = 0; k < entries.Count; k++)
        {
            tensors[k] = CheckEntry(entries[k], dataLength, options);
        }

        // Stable order by position: ties (empty tensors at one offset) keep their header order.
        CheckedTensor[] ordered = [.. tensors.OrderBy(t => t.Entry.Begin).ThenBy(t => t.Entry.End)];
        long covered = 0;
        string? previous = null;
        foreach (CheckedTensor tensor in ordered)
        {
            SafeTensorsHeaderEntry entry = tensor.Entry;
            if (entry.Begin < covered)
            {
                throw SafeTensorsFormatException.ForTensor(
                    entry.Name,
                    $"data_offsets {entry.Offsets} overlap tensor '{SafeTensorsText.Quote(previous!)}', which ends at byte {covered}");
            }

            if (entry.Begin > covered)
            {
                throw SafeTensorsFormatException.ForTensor(
                    entry.Name,
                    $"data_offsets {entry.Offsets} leave a hole: bytes [{covered}, {entry.Begin}) of the data section belong to no tensor " +
                    "(the data section must be covered exactly, as the reference implementation requires)");
            }

            covered = entry.End;
            previous = entry.Name;
        }

        if (covered != dataLength)
        {
            throw new SafeTensorsFormatException(
                $"The data section has {SafeTensorsText.Bytes(dataLength)}, but the tensors cover only the first {covered}: " +
                $"{SafeTensorsText.Bytes(dataLength - covered)} at the end belong to no tensor (truncated header or trailing garbage)");
        }

        return ordered;
    }

    private static CheckedTensor CheckEntry(SafeTensorsHeaderEntry entry, long dataLength, SafeTensorsReadOptions options)
    {
        TensorDataType dataType = SafeTensorsDataTypes.Parse(entry.DataType, entry.Name);
        int[] shape = CheckShape(entry);
        long elements = 1;
        foreach (int dim in shape)
        {
            elements *= dim; // Cannot overflow: CheckShape bounded the product by Array.MaxLength.
        }

        if (entry.Begin > entry.End)
        {
            throw SafeTensorsFormatException.ForTensor(entry.Name, $"data_offsets {entry.Offsets} begin after they end");
        }

        if (entry.End > dataLength)
        {
            throw SafeTensorsFormatException.ForTensor(
                entry.Name, $"data_offsets {entry.Offsets} extend past the {dataLength}-byte data section");
        }

        long expectedBytes = elements * NamedTensor.SizeOf(dataType);
        long actualBytes = entry.End - entry.Begin;
        if (actualBytes != expectedBytes)
        {
            throw SafeTensorsFormatException.ForTensor(
                entry.Name,
                $"shape {entry.ShapeText} of {entry.DataType} needs {SafeTensorsText.Bytes(expectedBytes)} ({elements} × {NamedTensor.SizeOf(dataType)}), " +
                $"but data_offsets {entry.Offsets} span {SafeTensorsText.Bytes(actualBytes)}");
        }

        if (actualBytes > options.MaxTensorBytes)
        {
            throw SafeTensorsFormatException.ForTensor(
                entry.Name, $"{SafeTensorsText.Bytes(actualBytes)} exceed the limit of {options.MaxTensorBytes} bytes per tensor (SafeTensorsReadOptions.MaxTensorBytes)");
        }

        return new CheckedTensor(entry, dataType, shape);
    }

    private static int[] CheckShape(SafeTensorsHeaderEntry entry)
    {
        var shape = new int[entry.Shape.Length];
        long elements = 1;
        for (int k = 0; k < shape.Length; k++)
        {
            long dim = entry.Shape[k];
            if (dim > Array.MaxLength)
            {
                throw SafeTensorsFormatException.ForTensor(
                    entry.Name, $"shape {entry.ShapeText} has dimension {k} = {dim}, more than an array can hold ({Array.MaxLength})");
            }

            shape[k] = (int)dim;
            elements *= dim; // Both factors are at most Array.MaxLength < 2^31, so the product fits in a long.
            if (elements > Array.MaxLength)
            {
                throw SafeTensorsFormatException.ForTensor(
                    entry.Name, $"shape {entry.ShapeText} has more elements than an array can hold ({Array.MaxLength})");
            }
        }

        return shape;
    }
}
