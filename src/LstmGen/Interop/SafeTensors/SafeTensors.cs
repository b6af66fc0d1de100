using System.Buffers.Binary;

namespace LstmGen.Interop;

/// <summary>
/// Reads and writes the Hugging Face safetensors format: an 8-byte little-endian header length, a JSON header mapping
/// each tensor name to its dtype, shape and data_offsets (relative to the data section), then the raw little-endian
/// data. LstmGen reads and writes F32 and F64.
/// </summary>
/// <remarks>
/// Reading is strict and all-or-nothing: the header length is bounded (<see cref="SafeTensorsReadOptions"/>), the
/// header must be valid UTF-8 and a JSON object with unique keys, every entry must have exactly dtype, shape and
/// data_offsets (unknown fields are refused, whereas the reference implementation ignores them), dtypes other than
/// F32 and F64 are refused by name, shapes × dtype size must equal each tensor's byte range, and the ranges must cover
/// the data section with no overlap and no hole. Any violation throws <see cref="SafeTensorsFormatException"/> naming
/// the tensor and the problem, before a single tensor is returned. Writing is deterministic: the same set always
/// gives the same bytes.
/// </remarks>
public static class SafeTensors
{
    /// <summary>Reads the safetensors file at <paramref name="path"/>, checking its length before reading it.</summary>
    /// <exception cref="SafeTensorsFormatException">The file breaks the format.</exception>
    /// <exception cref="IOException">
    /// The file cannot be read: missing, a folder, no permission or a read error (the message names the path; no
    /// <see cref="UnauthorizedAccessException"/> escapes).
    /// </exception>
    public static TensorSet Read(string path, SafeTensorsReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        SafeTensorsReadOptions checkedOptions = Checked(options);
        using FileStream stream = OpenRead(path);
        return SafeTensorsStreamReader.Read(stream, checkedOptions);
    }

    /// <summary>
    /// Opens <paramref name="path"/>; an <see cref="UnauthorizedAccessException"/> (a folder, or a file without read
    /// permission) becomes an <see cref="IOException"/> naming the path, with the original as inner exception, like every
    /// other reason a file cannot be opened (a missing file or folder is a <see cref="FileNotFoundException"/> or
    /// <see cref="DirectoryNotFoundException"/>, both <see cref="IOException"/>s naming the path).
    /// </summary>
    private static FileStream OpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (UnauthorizedAccessException error)
        {
            throw new IOException($"Cannot read '{path}': {error.Message}", error);
        }
    }

    /// <summary>Reads a complete safetensors file held in memory.</summary>
    /// <exception cref="SafeTensorsFormatException">The bytes break the format.</exception>
    public static TensorSet Read(ReadOnlySpan<byte> file, SafeTensorsReadOptions? options = null) =>
        SafeTensorsBufferReader.Read(file, Checked(options));

    /// <summary>Reads a safetensors file from <paramref name="stream"/>'s current position to its end.</summary>
    /// <exception cref="SafeTensorsFormatException">The content breaks the format.</exception>
    public static TensorSet Read(Stream stream, SafeTensorsReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return SafeTensorsStreamReader.Read(stream, Checked(options));
    }

    /// <summary>
    /// Writes <paramref name="tensors"/> to <paramref name="path"/>, replacing any file there only once the whole
    /// content is written (via a temporary file beside it).
    /// </summary>
    /// <exception cref="ArgumentException">A tensor is called <c>__metadata__</c> or a string is not valid Unicode.</exception>
    public static void Write(TensorSet tensors, string path)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllBytes(path, Write(tensors));
    }

    /// <summary>Writes <paramref name="tensors"/> to <paramref name="stream"/> at its current position.</summary>
    /// <exception cref="ArgumentException">A tensor is called <c>__metadata__</c> or a string is not valid Unicode.</exception>
    public static void Write(TensorSet tensors, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(stream);
        byte[] header = SafeTensorsHeaderWriter.Write(tensors);
        Span<byte> prefix = stackalloc byte[SafeTensorsBufferReader.PrefixBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)header.Length);
        stream.Write(prefix);
        stream.Write(header);
        foreach (NamedTensor tensor in tensors)
        {
            stream.Write(tensor.Data);
        }
    }

    /// <summary>The bytes of the safetensors file for <paramref name="tensors"/>.</summary>
    /// <exception cref="ArgumentException">A tensor is called <c>__metadata__</c> or a string is not valid Unicode.</exception>
    public static byte[] Write(TensorSet tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        using var stream = new MemoryStream();
        Write(tensors, stream);
        return stream.ToArray();
    }

    private static SafeTensorsReadOptions Checked(SafeTensorsReadOptions? options)
    {
        SafeTensorsReadOptions chosen = options ?? SafeTensorsReadOptions.Default;
        chosen.Validate();
        return chosen;
    }
}
