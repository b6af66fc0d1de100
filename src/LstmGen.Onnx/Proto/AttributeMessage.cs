using System.Text;
using Google.Protobuf;
using F = LstmGen.Onnx.Proto.OnnxFields.Attribute;

namespace LstmGen.Onnx.Proto;

/// <summary>AttributeProto of type INT, INTS, STRING or STRINGS (the kinds the LSTM, GRU, RNN, Transpose and Softmax nodes need).</summary>
internal sealed class AttributeMessage : ProtoMessage
{
    private readonly string _name;
    private readonly int _type;
    private readonly long _int;
    private readonly ByteString[] _strings;
    private readonly long[] _ints;

    private AttributeMessage(string name, int type, long value, ByteString[] strings, long[]? ints = null)
    {
        _name = name;
        _type = type;
        _int = value;
        _strings = strings;
        _ints = ints ?? [];
    }

    /// <summary>An INT attribute.</summary>
    public static AttributeMessage Int(string name, long value) => new(name, F.TypeInt, value, []);

    /// <summary>An INTS attribute (written unpacked, one tag per value, as ONNX's proto2 schema declares).</summary>
    public static AttributeMessage Ints(string name, params long[] values) => new(name, F.TypeInts, 0, [], values);

    /// <summary>A STRING attribute (UTF-8 bytes).</summary>
    public static AttributeMessage String(string name, string value) => new(name, F.TypeString, 0, [Utf8(value)]);

    /// <summary>A STRINGS attribute (UTF-8 bytes each).</summary>
    public static AttributeMessage Strings(string name, params string[] values) => new(name, F.TypeStrings, 0, [.. values.Select(Utf8)]);

    public override int CalculateSize()
    {
        int size = Wire.StringSize(F.Name, _name) + Wire.Int64Size(F.Type, _type);
        return _type switch
        {
            F.TypeInt => size + Wire.Int64Size(F.I, _int),
            F.TypeString => size + Wire.BytesSize(F.S, _strings[0]),
            F.TypeInts => size + _ints.Sum(v => Wire.Int64Size(F.Ints, v)),
            _ => size + _strings.Sum(s => Wire.BytesSize(F.Strings, s)),
        };
    }

    public override void WriteTo(CodedOutputStream output)
    {
        Wire.String(output, F.Name, _name);
        switch (_type)
        {
            case F.TypeInt:
                Wire.Int64(output, F.I, _int);
                break;
            case F.TypeString:
                Wire.Bytes(output, F.S, _strings[0]);
                break;
            case F.TypeInts:
                foreach (long value in _ints)
                {
                    Wire.Int64(output, F.Ints, value);
                }

                break;
            default:
                foreach (ByteString value in _strings)
                {
                    Wire.Bytes(output, F.Strings, value);
                }

                break;
        }

        Wire.Int64(output, F.Type, _type);
    }

    private static ByteString Utf8(string value) => ByteString.CopyFrom(Encoding.UTF8.GetBytes(value));
}
