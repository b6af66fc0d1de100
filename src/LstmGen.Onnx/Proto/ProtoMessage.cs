using Google.Protobuf;

namespace LstmGen.Onnx.Proto;

/// <summary>
/// A protobuf message this exporter writes by hand: its encoded size and its fields, in ascending field order, so that
/// the same message always gives the same bytes.
/// </summary>
internal abstract class ProtoMessage
{
    /// <summary>The number of bytes <see cref="WriteTo"/> writes.</summary>
    public abstract int CalculateSize();

    /// <summary>Writes the message's fields (without a tag or length prefix).</summary>
    public abstract void WriteTo(CodedOutputStream output);

    /// <summary>The encoded message.</summary>
    public byte[] ToByteArray()
    {
        byte[] bytes = new byte[CalculateSize()];
        var output = new CodedOutputStream(bytes);
        WriteTo(output);
        output.CheckNoSpaceLeft();
        return bytes;
    }
}
