using System.Text;

namespace LstmGen.Interop.Tests.SafeTensors;

/// <summary>A corrupt safetensors file, the tensor the error must name (null: the file as a whole) and the facts the message must state.</summary>
internal sealed record HostileFile(byte[] Bytes, string? Tensor, params string[] Facts);

/// <summary>
/// Named corruptions of the valid LSTM file (D = 2, H = 1, F64: W [4, 2], U [4, 1], b [4]; see
/// <see cref="HandBuiltFile.LstmHeader"/>), each built by hand.
/// </summary>
internal static class HostileFiles
{
    private static readonly string Header = HandBuiltFile.LstmHeader;

    public static IReadOnlyDictionary<string, HostileFile> All { get; } = new Dictionary<string, HostileFile>
    {
        // The prefix.
        ["empty file"] = new([], null, "0 bytes, fewer than the 8-byte header-length prefix"),
        ["file shorter than the prefix"] = new([1, 0, 0, 0, 0], null, "5 bytes, fewer than the 8-byte header-length prefix"),
        ["header length beyond the file"] = new(
            HandBuiltFile.Build(1000, Encoding.UTF8.GetBytes(Header), HandBuiltFile.LstmData()), null, "says 1000 bytes", "only 298 bytes follow the prefix"),
        ["truncated header"] = new(Valid()[..58], null, "says 170 bytes", "only 50 bytes follow the prefix", "truncated header"),
        ["header length above MaxHeaderBytes"] = new(
            HandBuiltFile.Build(100_000_001, Encoding.UTF8.GetBytes(Header), HandBuiltFile.LstmData()), null, "100000001 bytes, more than the limit of 100000000"),
        ["header length 2^63 - 1"] = new(HandBuiltFile.Build(long.MaxValue, [], []), null, "9223372036854775807 bytes, more than the limit"),
        ["header length 2^64 - 1"] = new(HandBuiltFile.Build(ulong.MaxValue, [], []), null, "18446744073709551615 bytes, more than the limit"),
        ["header length cutting the JSON short"] = new(
            HandBuiltFile.Build(100, Encoding.UTF8.GetBytes(Header), HandBuiltFile.LstmData()), null, "not valid JSON"),
        ["empty header"] = new(HandBuiltFile.Build(0, [], HandBuiltFile.LstmData()), null, "must start with '{'", "the header is empty"),

        // The data section.
        ["truncated data"] = new(HandBuiltFile.LstmWith(h => h, HandBuiltFile.LstmData()[..100]), "b", "data_offsets [96, 128] extend past the 100-byte data section"),
        ["negative offset"] = new(HandBuiltFile.LstmWith(h => h.Replace("[64,96]", "[-8,96]")), "U", "negative offset -8"),
        ["offset overflowing a long"] = new(
            HandBuiltFile.LstmWith(h => h.Replace("[96,128]", "[96,99999999999999999999]")), "b", "99999999999999999999, which is not an integer in [0, 9223372036854775807]"),
        ["fractional offset"] = new(HandBuiltFile.LstmWith(h => h.Replace("[64,96]", "[64.5,96]")), "U", "64.5, which is not an integer"),
        ["data_offsets of 100,000 integers"] = new(
            HandBuiltFile.LstmWith(h => h.Replace("[96,128]", "[96,128" + string.Concat(Enumerable.Repeat(",0", 99_998)) + "]")), "b", "exactly 2 integers [begin, end], but it holds 100000"),
        ["begin after end"] = new(HandBuiltFile.LstmWith(h => h.Replace("[64,96]", "[96,64]")), "U", "data_offsets [96, 64] begin after they end"),
        ["offsets past the data end"] = new(HandBuiltFile.LstmWith(h => h.Replace("[96,128]", "[96,160]")), "b", "data_offsets [96, 160] extend past the 128-byte data section"),
        ["three data offsets"] = new(HandBuiltFile.LstmWith(h => h.Replace("[96,128]", "[96,128,160]")), "b", "exactly 2 integers [begin, end], but it holds 3"),
        ["overlapping tensors"] = new(
            HandBuiltFile.LstmWith(h => h.Replace("[64,96]", "[56,88]").Replace("[96,128]", "[88,120]"), HandBuiltFile.LstmData()[..120]),
            "U", "data_offsets [56, 88] overlap tensor 'W', which ends at byte 64"),
        ["hole in the data section"] = new(
            HandBuiltFile.LstmWith(h => h.Replace("[64,96]", "[72,104]").Replace("[96,128]", "[104,136]"), [.. HandBuiltFile.LstmData(), .. new byte[8]]),
            "U", "leave a hole: bytes [64, 72) of the data section belong to no tensor"),
        ["trailing bytes after the last tensor"] = new(
            HandBuiltFile.LstmWith(h => h, [.. HandBuiltFile.LstmData(), .. new byte[8]]), null, "136 bytes", "8 bytes at the end belong to no tensor"),

        // Dtypes and shapes.
        ["unknown dtype"] = new(HandBuiltFile.LstmWith(h => h.Replace("{\"dtype\":\"F64\",\"shape\":[4,2]", "{\"dtype\":\"F31\",\"shape\":[4,2]")), "W", "unknown dtype 'F31'"),
        ["lower-case dtype"] = new(HandBuiltFile.LstmWith(h => h.Replace("{\"dtype\":\"F64\",\"shape\":[4,1]", "{\"dtype\":\"f64\",\"shape\":[4,1]")), "U", "unknown dtype 'f64'"),
        ["unsupported dtype"] = new(
            HandBuiltFile.LstmWith(h => h.Replace("{\"dtype\":\"F64\",\"shape\":[4,2]", "{\"dtype\":\"F16\",\"shape\":[4,2]")), "W", "unsupported dtype F16 for tensor W (LstmGen reads F32 and F64)"),
        ["dtype not a string"] = new(HandBuiltFile.LstmWith(h => h.Replace("{\"dtype\":\"F64\",\"shape\":[4]", "{\"dtype\":64,\"shape\":[4]")), "b", "dtype must be a string, but it is a number"),
        ["F32 declared over F64 bytes"] = new(
            HandBuiltFile.LstmWith(h => h.Replace("{\"dtype\":\"F64\",\"shape\":[4,2]", "{\"dtype\":\"F32\",\"shape\":[4,2]")), "W", "needs 32 bytes (8 × 4)", "span 64 bytes"),
        ["shape times size differs from the byte length"] = new(HandBuiltFile.LstmWith(h => h.Replace("[4,2]", "[4,3]")), "W", "shape [4, 3] of F64 needs 96 bytes (12 × 8)", "data_offsets [0, 64] span 64 bytes"),
        ["negative dimension"] = new(HandBuiltFile.LstmWith(h => h.Replace("[4,2]", "[4,-2]")), "W", "negative dimension -2"),
        ["dimension beyond an array"] = new(HandBuiltFile.LstmWith(h => h.Replace("[4,1]", "[4,4294967296]")), "U", "dimension 1 = 4294967296, more than an array can hold"),
        ["huge shape whose product overflows"] = new(
            HandBuiltFile.LstmWith(h => h.Replace("[4,2]", "[65536,65536,65536,65536]")), "W", "shape [65536, 65536, 65536, 65536] has more elements than an array can hold"),
        ["shape of nested arrays"] = new(HandBuiltFile.LstmWith(h => h.Replace("[4,2]", "[[4],[2]]")), "W", "shape must hold integers, but it holds an array"),
        ["shape of 65 dimensions"] = new(
            HandBuiltFile.LstmWith(h => h.Replace("[4,2]", "[" + string.Join(",", Enumerable.Repeat(1, 65)) + "]")), "W", "shape has 65 dimensions, more than the 64"),
        ["shape of a million dimensions"] = new(
            HandBuiltFile.LstmWith(h => h.Replace("[4,2]", "[" + string.Join(",", Enumerable.Repeat(1, 1_000_000)) + "]")), "W", "shape has 1000000 dimensions"),
        ["shape not an array"] = new(HandBuiltFile.LstmWith(h => h.Replace("[4,2]", "8")), "W", "shape must be an array of integers, but it is a number"),

        // Names and entries.
        ["duplicate names"] = new(HandBuiltFile.LstmWith(h => h.Replace("\"U\":", "\"W\":")), "W", "appears more than once", "names must be unique"),
        ["duplicate names, one escaped"] = new(HandBuiltFile.LstmWith(h => h.Replace("\"U\":", "\"\\u0057\":")), "W", "appears more than once"),
        ["empty tensor name"] = new(HandBuiltFile.LstmWith(h => h.Replace("\"U\":", "\"\":")), string.Empty, "empty name"),
        ["tensor entry missing data_offsets"] = new(
            HandBuiltFile.LstmWith(h => h.Replace(",\"data_offsets\":[96,128]", string.Empty)), "b", "the entry lacks data_offsets"),
        ["tensor entry missing dtype and shape"] = new(
            HandBuiltFile.LstmWith(h => h.Replace("\"dtype\":\"F64\",\"shape\":[4],", string.Empty)), "b", "the entry lacks dtype, shape"),
        ["unknown field in a tensor entry"] = new(HandBuiltFile.LstmWith(h => h.Replace("[0,64]}", "[0,64],\"offsets\":[0,64]}")), "W", "unexpected field 'offsets'"),
        ["field given twice"] = new(HandBuiltFile.LstmWith(h => h.Replace("[0,64]}", "[0,64],\"shape\":[4,2]}")), "W", "the field 'shape' appears more than once"),
        ["tensor entry not an object"] = new(HandBuiltFile.LstmWith(h => h.Replace("\"U\":{\"dtype\":\"F64\",\"shape\":[4,1],\"data_offsets\":[64,96]}", "\"U\":[64,96]")), "U", "but found an array"),

        // Metadata.
        ["metadata value not a string"] = new(HandBuiltFile.LstmWith(h => "{\"__metadata__\":{\"epoch\":3}," + h[1..]), null, "its key 'epoch' holds a number"),
        ["metadata not an object"] = new(HandBuiltFile.LstmWith(h => "{\"__metadata__\":\"lstmgen\"," + h[1..]), null, "'__metadata__' must be an object of strings, but it is a string"),
        ["duplicate metadata"] = new(HandBuiltFile.LstmWith(h => "{\"__metadata__\":{},\"__metadata__\":{}," + h[1..]), null, "more than one '__metadata__'"),
        ["duplicate metadata key"] = new(HandBuiltFile.LstmWith(h => "{\"__metadata__\":{\"a\":\"1\",\"a\":\"2\"}," + h[1..]), null, "the key 'a' more than once"),

        // Text and JSON.
        ["non-UTF-8 header"] = new(NonUtf8([0xC3, 0x28]), null, "not valid UTF-8", "byte 58 of the header (0xC3)"),
        ["overlong UTF-8 encoding"] = new(NonUtf8([0xC0, 0xAF]), null, "not valid UTF-8", "(0xC0)"),
        ["UTF-16 surrogate encoded in UTF-8"] = new(NonUtf8([0xED, 0xA0, 0x80]), null, "not valid UTF-8", "(0xED)"),
        ["malformed JSON: missing colon"] = new(HandBuiltFile.LstmWith(h => h.Replace("\"U\":", "\"U\"")), null, "not valid JSON"),
        ["malformed JSON: trailing comma"] = new(HandBuiltFile.LstmWith(h => h[..^1] + ",}"), null, "not valid JSON"),
        ["malformed JSON: unterminated string"] = new(HandBuiltFile.LstmWith(h => h.Replace("\"F64\",\"shape\":[4]", "\"F64,\"shape\":[4]")), null, "not valid JSON"),
        ["UTF-8 byte order mark before the header"] = new(HandBuiltFile.LstmWith(h => "\uFEFF" + h), null, "must start with '{'", "0xEF"),
        ["header not an object"] = new(HandBuiltFile.LstmWith(_ => "[1,2]"), null, "must start with '{'", "0x5B"),
        ["content after the header object"] = new(HandBuiltFile.LstmWith(h => h + "{}"), null, "not valid JSON"),
        ["escaped lone surrogate in a name"] = new(HandBuiltFile.LstmWith(h => h.Replace("\"U\":", "\"U\\ud800\":")), null, "not valid JSON"),
        ["deeply nested arrays as metadata"] = new(HandBuiltFile.LstmWith(h => "{\"__metadata__\":" + new string('[', 40) + new string(']', 40) + "," + h[1..]), null, "must be an object of strings, but it is an array"),
        ["unescaped control character in a name"] = new(HandBuiltFile.LstmWith(h => h.Replace("\"U\":", "\"U\n\":")), null, "not valid JSON"),
    };

    /// <summary>The valid file.</summary>
    public static byte[] Valid() => HandBuiltFile.Build(Header, HandBuiltFile.LstmData());

    /// <summary>The valid file with the name "U" (byte 58 of the header) replaced by invalid UTF-8.</summary>
    private static byte[] NonUtf8(byte[] invalid)
    {
        byte[] header = Encoding.UTF8.GetBytes(Header);
        int u = Header.IndexOf("\"U\"", StringComparison.Ordinal) + 1;
        return HandBuiltFile.Build([.. header[..u], .. invalid, .. header[(u + 1)..]], HandBuiltFile.LstmData());
    }
}
