using Google.Protobuf;
using F = LstmGen.Onnx.Proto.OnnxFields.Node;

namespace LstmGen.Onnx.Proto;

/// <summary>NodeProto: one operator application. An empty input name skips an optional input.</summary>
internal sealed class NodeMessage(
    string name,
    string opType,
    IReadOnlyList<string> inputs,
    IReadOnlyList<string> outputs,
    IReadOnlyList<AttributeMessage>? attributes = null) : ProtoMessage
{
    private readonly IReadOnlyList<AttributeMessage> _attributes = attributes ?? [];

    public override int CalculateSize() =>
        Wire.StringsSize(F.Input, inputs)
        + Wire.StringsSize(F.Output, outputs)
        + Wire.StringSize(F.Name, name)
        + Wire.StringSize(F.OpType, opType)
        + Wire.MessagesSize(F.Attribute, _attributes);

    public override void WriteTo(CodedOutputStream output)
    {
        Wire.Strings(output, F.Input, inputs);
        Wire.Strings(output, F.Output, outputs);
        Wire.String(output, F.Name, name);
        Wire.String(output, F.OpType, opType);
        Wire.Messages(output, F.Attribute, _attributes);
    }
}
