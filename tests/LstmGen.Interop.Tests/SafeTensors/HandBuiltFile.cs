using System.Buffers.Binary;
using System.Text;

namespace LstmGen.Interop.Tests.SafeTensors;

/// <summary>
/// Builds safetensors bytes by hand, independently of the writer: an explicit little-endian prefix, the header text
/// as given, and the data bytes as given.
/// </summary>
internal static class HandBuiltFile
{
    /// <summary>The valid header of an LSTM with D = 2, H = 1 in F64: W [4, 2], U [4, 1], b [4], 128 data bytes.</summary>
    public const string LstmHeader =
        "{\"W\":{\"dtype\":\"F64\",\"shape\":[4,2],\"data_offsets\":[0,64]}," +
        "\"U\":{\"dtype\":\"F64\",\"shape\":[4,1],\"data_offsets\":[64,96]}," +
        "\"b\":{\"dtype\":\"F64\",\"shape\":[4],\"data_offsets\":[96,128]}}";

    /// <summary>The data bytes of the valid LSTM file: 16 doubles 1, 2, ..., 16 (W row-major, then U, then b).</summary>
    public static byte[] LstmData()
    {
        byte[] data = new byte[128];
        for (int k = 0; k < 16; k++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(k * 8), k + 1);
        }

        return data;
    }

    /// <summary>A file whose prefix states the header's true length.</summary>
    public static byte[] Build(string header, byte[] data) => Build(Encoding.UTF8.GetBytes(header), data);

    /// <summary>A file whose prefix states the header's true length.</summary>
    public static byte[] Build(byte[] header, byte[] data) => Build((ulong)header.Length, header, data);

    /// <summary>A file with an arbitrary prefix value.</summary>
    public static byte[] Build(ulong declaredHeaderLength, byte[] header, byte[] data)
    {
        byte[] file = new byte[8 + header.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(file, declaredHeaderLength);
        header.CopyTo(file, 8);
        data.CopyTo(file, 8 + header.Length);
        return file;
    }

    /// <summary>The valid LSTM file with its header text changed by <paramref name="edit"/>.</summary>
    public static byte[] LstmWith(Func<string, string> edit, byte[]? data = null) => Build(edit(LstmHeader), data ?? LstmData());
}
