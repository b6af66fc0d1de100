using System.Text;
using System.Text.Json;

namespace LstmGen.Interop;

/// <summary>
/// Parses the JSON header of a safetensors file with <see cref="Utf8JsonReader"/> in one linear pass: the header
/// must be valid UTF-8 and one JSON object whose keys are unique tensor names (plus an optional
/// <c>__metadata__</c> object of strings), each mapping to exactly <c>dtype</c>, <c>shape</c> and
/// <c>data_offsets</c>. Unknown fields in a tensor entry are refused (the reference implementation ignores them;
/// LstmGen prefers to say so rather than guess what they mean).
/// </summary>
internal static class SafeTensorsHeaderParser
{
    /// <summary>The reserved key of the free-form metadata map.</summary>
    public const string MetadataKey = "__metadata__";

    /// <summary>
    /// The most dimensions a shape may have. The format sets no limit; this one, far above any weight tensor's rank,
    /// keeps a hostile header from turning each two bytes of <c>1,</c> into a stored dimension (integers past a limit
    /// are counted, not stored).
    /// </summary>
    public const int MaxRank = 64;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 8,
    };

    /// <summary>Parses <paramref name="header"/> (the bytes after the 8-byte prefix, trailing spaces included).</summary>
    /// <exception cref="SafeTensorsFormatException">The header is not valid UTF-8, not JSON, or not of the expected shape.</exception>
    public static SafeTensorsHeader Parse(ReadOnlySpan<byte> header)
    {
        RequireUtf8(header);
        if (header.IsEmpty || header[0] != (byte)'{')
        {
            throw new SafeTensorsFormatException(
                $"The header must start with '{{' (a JSON object), but its first byte is {(header.IsEmpty ? "missing (the header is empty)" : $"0x{header[0]:X2}")}.");
        }

        try
        {
            var reader = new Utf8JsonReader(header, ReaderOptions);
            return ParseRoot(ref reader);
        }
        catch (JsonException error)
        {
            throw new SafeTensorsFormatException(
                $"The header is not valid JSON: {error.Message}", error);
        }
        catch (InvalidOperationException error)
        {
            // Utf8JsonReader.GetString and friends report malformed escapes this way.
            throw new SafeTensorsFormatException($"The header is not valid JSON: {error.Message}", error);
        }
    }

    private static void RequireUtf8(ReadOnlySpan<byte> header)
    {
        int position = 0;
        while (position < header.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(header[position..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                throw new SafeTensorsFormatException(
                    $"The header is not valid UTF-8: byte {position} of the header (0x{header[position]:X2}) does not start a valid UTF-8 sequence.");
            }

            position += consumed;
        }
    }

    private static SafeTensorsHeader ParseRoot(ref Utf8JsonReader reader)
    {
        Next(ref reader, "the header object");
        var entries = new List<SafeTensorsHeaderEntry>();
        var metadata = new List<KeyValuePair<string, string>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            Next(ref reader, "a tensor name or the end of the header object");
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            string key = reader.GetString()!;
            if (!names.Add(key))
            {
                throw key == MetadataKey
                    ? new SafeTensorsFormatException($"The header has more than one '{MetadataKey}' entry.")
                    : SafeTensorsFormatException.ForTensor(key, "the name appears more than once in the header; tensor names must be unique");
            }

            if (key == MetadataKey)
            {
                ParseMetadata(ref reader, metadata);
            }
            else if (key.Length == 0)
            {
                throw new SafeTensorsFormatException("The header has a tensor with an empty name; names must be non-empty.", key);
            }
            else
            {
                entries.Add(ParseEntry(ref reader, key));
            }
        }

        if (reader.Read())
        {
            throw new SafeTensorsFormatException(
                $"The header has content after its JSON object (a {reader.TokenType} at byte {reader.TokenStartIndex}); only trailing spaces may follow.");
        }

        return new SafeTensorsHeader(entries, metadata);
    }

    private static void ParseMetadata(ref Utf8JsonReader reader, List<KeyValuePair<string, string>> metadata)
    {
        Next(ref reader, $"the '{MetadataKey}' object");
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new SafeTensorsFormatException($"'{MetadataKey}' must be an object of strings, but it is {Describe(reader.TokenType)}.");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            Next(ref reader, $"a key or the end of '{MetadataKey}'");
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return;
            }

            string key = reader.GetString()!;
            if (!keys.Add(key))
            {
                throw new SafeTensorsFormatException($"'{MetadataKey}' has the key '{SafeTensorsText.Quote(key)}' more than once; keys must be unique.");
            }

            Next(ref reader, $"the value of '{MetadataKey}'.'{key}'");
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new SafeTensorsFormatException(
                    $"'{MetadataKey}' must map strings to strings, but its key '{SafeTensorsText.Quote(key)}' holds {Describe(reader.TokenType)}.");
            }

            metadata.Add(new(key, reader.GetString()!));
        }
    }

    private static SafeTensorsHeaderEntry ParseEntry(ref Utf8JsonReader reader, string name)
    {
        Next(ref reader, $"the entry of tensor '{name}'");
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw SafeTensorsFormatException.ForTensor(
                name, $"expected an object with dtype, shape and data_offsets, but found {Describe(reader.TokenType)}");
        }

        string? dataType = null;
        long[]? shape = null;
        long[]? offsets = null;
        while (true)
        {
            Next(ref reader, $"a field of tensor '{name}'");
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            string field = reader.GetString()!;
            switch (field)
            {
                case "dtype" when dataType is null:
                    Next(ref reader, $"the dtype of tensor '{name}'");
                    dataType = reader.TokenType == JsonTokenType.String
                        ? reader.GetString()!
                        : throw SafeTensorsFormatException.ForTensor(name, $"dtype must be a string, but it is {Describe(reader.TokenType)}");
                    break;
                case "shape" when shape is null:
                    (shape, int rank) = ReadIntegers(ref reader, name, "shape", "dimension", MaxRank);
                    if (rank > MaxRank)
                    {
                        throw SafeTensorsFormatException.ForTensor(name, $"shape has {rank} dimensions, more than the {MaxRank} LstmGen reads");
                    }

                    break;
                case "data_offsets" when offsets is null:
                    (offsets, int count) = ReadIntegers(ref reader, name, "data_offsets", "offset", 2);
                    if (count != 2)
                    {
                        throw SafeTensorsFormatException.ForTensor(
                            name, $"data_offsets must hold exactly 2 integers [begin, end], but it holds {count}");
                    }

                    break;
                case "dtype" or "shape" or "data_offsets":
                    throw SafeTensorsFormatException.ForTensor(name, $"the field '{field}' appears more than once");
                default:
                    throw SafeTensorsFormatException.ForTensor(
                        name, $"unexpected field '{SafeTensorsText.Quote(field)}' (a tensor entry has exactly dtype, shape and data_offsets)");
            }
        }

        string missing = string.Join(", ", new[] { dataType is null ? "dtype" : null, shape is null ? "shape" : null, offsets is null ? "data_offsets" : null }
            .Where(f => f is not null));
        if (missing.Length > 0)
        {
            throw SafeTensorsFormatException.ForTensor(name, $"the entry lacks {missing} (a tensor entry has exactly dtype, shape and data_offsets)");
        }

        return new SafeTensorsHeaderEntry(name, dataType!, shape!, offsets![0], offsets[1]);
    }

    /// <summary>
    /// Reads an array of non-negative integers, storing at most <paramref name="maxStored"/> of them (the rest are
    /// checked and counted only, so a hostile array cannot make the parser allocate in proportion to it), and returns
    /// the stored values with the array's full length.
    /// </summary>
    private static (long[] Values, int Count) ReadIntegers(ref Utf8JsonReader reader, string name, string field, string what, int maxStored)
    {
        Next(ref reader, $"the {field} of tensor '{name}'");
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw SafeTensorsFormatException.ForTensor(name, $"{field} must be an array of integers, but it is {Describe(reader.TokenType)}");
        }

        var values = new List<long>(Math.Min(maxStored, 8));
        int count = 0;
        while (true)
        {
            Next(ref reader, $"a {what} in the {field} of tensor '{name}'");
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return ([.. values], count);
            }

            if (reader.TokenType != JsonTokenType.Number)
            {
                throw SafeTensorsFormatException.ForTensor(name, $"{field} must hold integers, but it holds {Describe(reader.TokenType)}");
            }

            if (!reader.TryGetInt64(out long value))
            {
                ReadOnlySpan<byte> number = reader.ValueSpan;
                string text = Encoding.UTF8.GetString(number.Length > 40 ? number[..40] : number) + (number.Length > 40 ? "…" : string.Empty);
                throw SafeTensorsFormatException.ForTensor(name, $"{field} holds {text}, which is not an integer in [0, {long.MaxValue}]");
            }

            if (value < 0)
            {
                throw SafeTensorsFormatException.ForTensor(name, $"{field} holds the negative {what} {value}; every {what} must be at least 0");
            }

            count = checked(count + 1); // At most the header's length: an int.
            if (count <= maxStored)
            {
                values.Add(value);
            }
        }
    }

    /// <summary>Advances the reader, turning the end of the header into a clear error.</summary>
    private static void Next(ref Utf8JsonReader reader, string expected)
    {
        if (!reader.Read())
        {
            throw new SafeTensorsFormatException($"The header ends where {expected} was expected (truncated JSON).");
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
