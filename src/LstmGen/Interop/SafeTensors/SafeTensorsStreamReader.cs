namespace LstmGen.Interop;

/// <summary>
/// Reads a safetensors file from a stream without trusting its header length for allocation: the prefix is checked
/// against the limits (and, for a seekable stream, against the bytes left) before anything else is read, and the
/// rest is read in bounded chunks, so a truncated or lying stream fails with a clear message instead of a huge
/// allocation.
/// </summary>
internal static class SafeTensorsStreamReader
{
    /// <summary>Bytes read per chunk when the stream's length is unknown.</summary>
    private const int ChunkBytes = 1 << 16;

    /// <summary>Reads the stream from its current position to its end.</summary>
    public static TensorSet Read(Stream stream, SafeTensorsReadOptions options)
    {
        long? remaining = stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : null;
        if (remaining > options.MaxFileBytes)
        {
            throw new SafeTensorsFormatException(
                $"The file has {SafeTensorsText.Bytes(remaining.Value)}, more than the limit of {options.MaxFileBytes} (SafeTensorsReadOptions.MaxFileBytes).");
        }

        Span<byte> prefix = stackalloc byte[SafeTensorsBufferReader.PrefixBytes];
        int prefixRead = stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        // With an unknown length, pretend the file ends just after the header so the prefix check bounds the header by the limit only.
        long assumedLength = remaining ?? (prefixRead < prefix.Length ? prefixRead : long.MaxValue);
        SafeTensorsBufferReader.CheckPrefix(prefix, assumedLength, options);

        byte[] file = remaining is long known ? ReadKnownLength(stream, prefix, known) : ReadToEnd(stream, prefix, options);
        return SafeTensorsBufferReader.Read(file, options);
    }

    private static byte[] ReadKnownLength(Stream stream, ReadOnlySpan<byte> prefix, long length)
    {
        // length is bounded by MaxFileBytes, which is at most what an array can hold or the caller's choice.
        byte[] file = new byte[length];
        prefix.CopyTo(file);
        int read = prefix.Length + stream.ReadAtLeast(file.AsSpan(prefix.Length), file.Length - prefix.Length, throwOnEndOfStream: false);
        if (read != file.Length)
        {
            throw new SafeTensorsFormatException($"The stream announced {SafeTensorsText.Bytes(length)} but ended after {read}.");
        }

        return file;
    }

    private static byte[] ReadToEnd(Stream stream, ReadOnlySpan<byte> prefix, SafeTensorsReadOptions options)
    {
        using var buffer = new MemoryStream();
        buffer.Write(prefix);
        byte[] chunk = new byte[ChunkBytes];
        while (true)
        {
            int read = stream.Read(chunk, 0, chunk.Length);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + read > options.MaxFileBytes)
            {
                throw new SafeTensorsFormatException(
                    $"The stream holds more than {options.MaxFileBytes} bytes, the limit (SafeTensorsReadOptions.MaxFileBytes).");
            }

            buffer.Write(chunk, 0, read);
        }
    }
}
