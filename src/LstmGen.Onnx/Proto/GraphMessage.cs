using Google.Protobuf;
using F = LstmGen.Onnx.Proto.OnnxFields.Graph;

namespace LstmGen.Onnx.Proto;

/// <summary>GraphProto: nodes in topological order, constant initializers, and the typed inputs and outputs.</summary>
internal sealed class GraphMessage(
    string name,
    IReadOnlyList<NodeMessage> nodes,
    IReadOnlyList<TensorMessage> initializers,
    IReadOnlyList<ValueInfoMessage> inputs,
    IReadOnlyList<ValueInfoMessage> outputs) : ProtoMessage
{
    public override int CalculateSize() =>
        Wire.MessagesSize(F.Node, nodes)
        + Wire.StringSize(F.Name, name)
        + Wire.MessagesSize(F.Initializer, initializers)
        + Wire.MessagesSize(F.Input, inputs)
        + Wire.MessagesSize(F.Output, outputs);

    public override void WriteTo(CodedOutputStream output)
    {
        Wire.Messages(output, F.Node, nodes);
        Wire.String(output, F.Name, name);
        Wire.Messages(output, F.Initializer, initializers);
        Wire.Messages(output, F.Input, inputs);
        Wire.Messages(output, F.Output, outputs);
    }
}
