using System.Globalization;
using System.Text;

namespace LstmGen.Interop;

/// <summary>
/// Writes the JSON header of a tensor set deterministically: no whitespace, <c>__metadata__</c> first (only when
/// non-empty, keys in ordinal order), then the tensors in the set's order with dtype, shape and data_offsets, then
/// spaces up to a multiple of 8 bytes. Strings escape only what JSON requires (quote, backslash, control characters).
/// </summary>
internal static class SafeTensorsHeaderWriter
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The padded header bytes for <paramref name="tensors"/>, whose data follow in the set's order.</summary>
    /// <exception cref="ArgumentException">A name or metadata string is not valid Unicode, or a tensor is called <c>__metadata__</c>.</exception>
    public static byte[] Write(TensorSet tensors)
    {
        var json = new StringBuilder();
        json.Append('{');
        bool first = true;
        if (tensors.Metadata.Count > 0)
        {
            AppendString(json, SafeTensorsHeaderParser.MetadataKey);
            json.Append(":{");
            bool firstPair = true;
            foreach (KeyValuePair<string, string> pair in tensors.Metadata)
            {
                json.Append(firstPair ? string.Empty : ",");
                AppendString(json, pair.Key);
                json.Append(':');
                AppendString(json, pair.Value);
                firstPair = false;
            }

            json.Append('}');
            first = false;
        }

        long offset = 0;
        foreach (NamedTensor tensor in tensors)
        {
            if (tensor.Name == SafeTensorsHeaderParser.MetadataKey)
            {
                throw new ArgumentException(
                    $"A tensor cannot be called '{SafeTensorsHeaderParser.MetadataKey}': the safetensors format reserves that key for metadata.", nameof(tensors));
            }

            long end = offset + tensor.Data.Length;
            json.Append(first ? string.Empty : ",");
            AppendString(json, tensor.Name);
            json.Append(":{\"dtype\":\"").Append(SafeTensorsDataTypes.NameOf(tensor.DataType)).Append("\",\"shape\":[")
                .AppendJoin(',', tensor.Shape.Select(d => d.ToString(CultureInfo.InvariantCulture)))
                .Append("],\"data_offsets\":[").Append(offset.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(end.ToString(CultureInfo.InvariantCulture)).Append("]}");
            offset = end;
            first = false;
        }

        json.Append('}');
        byte[] text;
        try
        {
            text = StrictUtf8.GetBytes(json.ToString());
        }
        catch (EncoderFallbackException error)
        {
            throw new ArgumentException("A tensor name or metadata string contains an unpaired surrogate and cannot be written as UTF-8.", nameof(tensors), error);
        }

        int padded = (text.Length + 7) / 8 * 8;
        byte[] header = new byte[padded];
        text.CopyTo(header, 0);
        header.AsSpan(text.Length).Fill((byte)' ');
        return header;
    }

    private static void AppendString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    json.Append("\\\"");
                    break;
                case '\\':
                    json.Append("\\\\");
                    break;
                case < ' ':
                    json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    break;
                default:
                    json.Append(c);
                    break;
            }
        }

        json.Append('"');
    }
}
