using Google.Protobuf;

namespace LstmGen.Onnx.Proto;

/// <summary>Size and write helpers for one tagged field, so that every message computes and writes the same thing.</summary>
internal static class Wire
{
    internal static int StringSize(int field, string value) =>
        CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeStringSize(value);

    internal static void String(CodedOutputStream output, int field, string value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }

    internal static int Int64Size(int field, long value) =>
        CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeInt64Size(value);

    internal static void Int64(CodedOutputStream output, int field, long value)
    {
        output.WriteTag(field, WireFormat.WireType.Varint);
        output.WriteInt64(value);
    }

    internal static int BytesSize(int field, ByteString value) =>
        CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeBytesSize(value);

    internal static void Bytes(CodedOutputStream output, int field, ByteString value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(value);
    }

    internal static int MessageSize(int field, ProtoMessage message)
    {
        int size = message.CalculateSize();
        return CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeLengthSize(size) + size;
    }

    internal static void Message(CodedOutputStream output, int field, ProtoMessage message)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteLength(message.CalculateSize());
        message.WriteTo(output);
    }

    internal static int MessagesSize(int field, IEnumerable<ProtoMessage> messages) => messages.Sum(m => MessageSize(field, m));

    internal static void Messages(CodedOutputStream output, int field, IEnumerable<ProtoMessage> messages)
    {
        foreach (ProtoMessage message in messages)
        {
            Message(output, field, message);
        }
    }

    internal static int StringsSize(int field, IEnumerable<string> values) => values.Sum(v => StringSize(field, v));

    internal static void Strings(CodedOutputStream output, int field, IEnumerable<string> values)
    {
        foreach (string value in values)
        {
            String(output, field, value);
        }
    }
}
