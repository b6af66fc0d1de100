using System.Buffers.Binary;

namespace LstmGen.Interop;

/// <summary>
/// Reads a whole safetensors file held in memory: the 8-byte little-endian header length, the JSON header, then the
/// data section, all validated before any tensor is built.
/// </summary>
internal static class SafeTensorsBufferReader
{
    /// <summary>Bytes of the little-endian header-length prefix.</summary>
    public const int PrefixBytes = 8;

    /// <summary>Reads <paramref name="file"/>, a complete safetensors file.</summary>
    /// <exception cref="SafeTensorsFormatException">The file breaks the format.</exception>
    public static TensorSet Read(ReadOnlySpan<byte> file, SafeTensorsReadOptions options)
    {
        if (file.Length > options.MaxFileBytes)
        {
            throw new SafeTensorsFormatException(
                $"The file has {SafeTensorsText.Bytes(file.Length)}, more than the limit of {options.MaxFileBytes} (SafeTensorsReadOptions.MaxFileBytes).");
        }

        long headerLength = CheckPrefix(file, file.Length, options);
        ReadOnlySpan<byte> header = file.Slice(PrefixBytes, (int)headerLength);
        ReadOnlySpan<byte> data = file[(PrefixBytes + (int)headerLength)..];
        SafeTensorsHeader parsed = SafeTensorsHeaderParser.Parse(header);
        SafeTensorsLayoutValidator.CheckedTensor[] ordered = SafeTensorsLayoutValidator.Validate(parsed.Entries, data.Length, options);
        var tensors = new NamedTensor[ordered.Length];
        for (int k = 0; k < ordered.Length; k++)
        {
            SafeTensorsLayoutValidator.CheckedTensor tensor = ordered[k];
            int begin = (int)tensor.Entry.Begin;
            int length = (int)(tensor.Entry.End - tensor.Entry.Begin);
            tensors[k] = NamedTensor.FromBytes(tensor.Entry.Name, tensor.DataType, tensor.Shape, data.Slice(begin, length));
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> pair in parsed.Metadata)
        {
            metadata.Add(pair.Key, pair.Value);
        }

        return new TensorSet(tensors, metadata);
    }

    /// <summary>
    /// Checks the prefix of a file of <paramref name="fileLength"/> bytes whose first bytes are <paramref name="start"/>
    /// and returns the header length, which is then known to fit both the limit and the file.
    /// </summary>
    /// <exception cref="SafeTensorsFormatException">The file is shorter than the prefix, or the header length is too large.</exception>
    public static long CheckPrefix(ReadOnlySpan<byte> start, long fileLength, SafeTensorsReadOptions options)
    {
        if (fileLength < PrefixBytes)
        {
            throw new SafeTensorsFormatException(
                $"The file has {SafeTensorsText.Bytes(fileLength)}, fewer than the 8-byte header-length prefix every safetensors file starts with.");
        }

        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(start);
        if (headerLength > (ulong)options.MaxHeaderBytes)
        {
            throw new SafeTensorsFormatException(
                $"The header length prefix says {headerLength} bytes, more than the limit of {options.MaxHeaderBytes} (SafeTensorsReadOptions.MaxHeaderBytes).");
        }

        if ((long)headerLength > fileLength - PrefixBytes)
        {
            throw new SafeTensorsFormatException(
                $"The header length prefix says {headerLength} bytes, but only {SafeTensorsText.Bytes(fileLength - PrefixBytes)} follow the prefix in the {fileLength}-byte file (truncated header).");
        }

        return (long)headerLength;
    }
}
