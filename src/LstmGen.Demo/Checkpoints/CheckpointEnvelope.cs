using System.Security.Cryptography;
using System.Text;

namespace LstmGen.Demo.Checkpoints;

/// <summary>
/// What every checkpoint format of the demo shares: an 8-byte magic, an int32 version, the body, and the SHA-256 of
/// every byte before it; plus the field readers that check each value and each count against the bytes left before
/// allocating for it, so a corrupt or crafted file is a <see cref="DemoException"/> naming the field, never a crash.
/// </summary>
internal static class CheckpointEnvelope
{
    private const int HashLength = 32;

    /// <summary>Every checkpoint format of the demo, by magic: what it holds and which command writes it.</summary>
    private static readonly (string Magic, string What)[] Formats =
    [
        ("LSTMGENC", "a character model's checkpoint (written by train)"),
        ("LSTMGENF", "a forecaster's checkpoint (written by forecast)"),
    ];

    /// <summary>Writes the magic and the version, then <paramref name="body"/>'s fields, then the checksum.</summary>
    public static byte[] Seal(ReadOnlySpan<byte> magic, int version, Action<BinaryWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(magic);
            writer.Write(version);
            body(writer);
        }

        byte[] hash = SHA256.HashData(stream.GetBuffer().AsSpan(0, (int)stream.Length));
        stream.Write(hash);
        return stream.ToArray();
    }

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="DemoException">It is missing or unreadable.</exception>
    public static byte[] ReadFile(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DemoException($"{what} file not found: {path}");
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new DemoException($"Cannot read {what.ToLowerInvariant()} {path}: {error.Message}", error);
        }
    }

    /// <summary>Checks the magic, the version and the checksum, then reads the body with <paramref name="read"/>, which must consume it exactly.</summary>
    /// <exception cref="DemoException">Any check fails, or the body is corrupt.</exception>
    public static TResult Open<TResult>(byte[] bytes, ReadOnlySpan<byte> magic, int version, string where, Func<BinaryReader, TResult> read)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < magic.Length || !bytes.AsSpan(0, magic.Length).SequenceEqual(magic))
        {
            string expected = Encoding.ASCII.GetString(magic);
            foreach ((string other, string what) in Formats)
            {
                if (other != expected && bytes.AsSpan().StartsWith(Encoding.ASCII.GetBytes(other)))
                {
                    throw new DemoException($"{where} is {what}, not {Formats.First(f => f.Magic == expected).What}.");
                }
            }

            throw new DemoException($"{where} is not an LstmGen checkpoint (it does not start with \"{expected}\").");
        }

        if (bytes.Length < magic.Length + sizeof(int) + HashLength)
        {
            throw new DemoException($"{where} is truncated ({bytes.Length} bytes).");
        }

        int found = BitConverter.ToInt32(bytes, magic.Length);
        if (found != version)
        {
            throw new DemoException($"{where} has format version {found}; this demo reads version {version}.");
        }

        int body = bytes.Length - HashLength;
        if (!SHA256.HashData(bytes.AsSpan(0, body)).AsSpan().SequenceEqual(bytes.AsSpan(body)))
        {
            throw new DemoException($"{where} is corrupt: its SHA-256 checksum does not match its content (the file was truncated or modified).");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, body, writable: false), Encoding.UTF8);
            reader.ReadBytes(magic.Length + sizeof(int));
            TResult result = read(reader);
            Require(reader.BaseStream.Position == reader.BaseStream.Length, where, $"{reader.BaseStream.Length - reader.BaseStream.Position} unexpected bytes follow the last field");
            return result;
        }
        catch (EndOfStreamException error)
        {
            throw new DemoException($"{where} is corrupt: it ends before its last field.", error);
        }
        catch (Exception error) when (error is IOException or FormatException or DecoderFallbackException or ArgumentException)
        {
            throw new DemoException($"{where} is corrupt: {error.Message}", error);
        }
    }

    /// <summary>Writes the floats (no count: the reader knows it).</summary>
    public static void WriteFloats(BinaryWriter writer, float[] values)
    {
        foreach (float value in values)
        {
            writer.Write(value);
        }
    }

    /// <summary>Reads <paramref name="count"/> finite floats.</summary>
    public static float[] ReadFloats(BinaryReader reader, int count, string where, string what)
    {
        RequireBytesLeft(reader, count, sizeof(float), where, $"{what} has {count} entries");
        float[] values = new float[count];
        for (int k = 0; k < count; k++)
        {
            values[k] = reader.ReadSingle();
            Require(float.IsFinite(values[k]), where, $"{what} entry {k} is {values[k]}");
        }

        return values;
    }

    /// <summary>Writes a count and the losses.</summary>
    public static void WriteLosses(BinaryWriter writer, double[] losses)
    {
        writer.Write(losses.Length);
        foreach (double loss in losses)
        {
            writer.Write(loss);
        }
    }

    /// <summary>Reads a count that must equal <paramref name="step"/>, then that many finite non-negative losses.</summary>
    public static double[] ReadLosses(BinaryReader reader, long step, string where)
    {
        int lossCount = reader.ReadInt32();
        Require(lossCount == step, where, $"it holds {lossCount} losses for {step} steps");
        RequireBytesLeft(reader, lossCount, sizeof(double), where, $"it holds {lossCount} losses");
        double[] losses = new double[lossCount];
        for (int k = 0; k < lossCount; k++)
        {
            losses[k] = reader.ReadDouble();
            Require(double.IsFinite(losses[k]) && losses[k] >= 0, where, $"loss {k} is {losses[k]}");
        }

        return losses;
    }

    /// <summary>Checks a count read from the file against the bytes left before anything is allocated for it, so that a
    /// crafted count (with a valid checksum) is an error naming it rather than an <see cref="OutOfMemoryException"/>.</summary>
    public static void RequireBytesLeft(BinaryReader reader, long count, int elementSize, string where, string what)
    {
        long left = reader.BaseStream.Length - reader.BaseStream.Position;
        Require(count >= 0 && count <= left / elementSize, where, $"{what} ({count * elementSize} bytes) but only {left} bytes are left");
    }

    /// <summary>Throws "<paramref name="where"/> is invalid: <paramref name="problem"/>." unless <paramref name="condition"/>.</summary>
    public static void Require(bool condition, string where, string problem)
    {
        if (!condition)
        {
            throw new DemoException($"{where} is invalid: {problem}.");
        }
    }
}
