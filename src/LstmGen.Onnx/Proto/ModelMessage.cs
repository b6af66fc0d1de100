using Google.Protobuf;
using F = LstmGen.Onnx.Proto.OnnxFields.Model;

namespace LstmGen.Onnx.Proto;

/// <summary>ModelProto: the file. One opset import from the default ONNX domain.</summary>
internal sealed class ModelMessage(long irVersion, string producerName, string producerVersion, GraphMessage graph, long opsetVersion) : ProtoMessage
{
    private readonly OperatorSetIdMessage _opset = new(opsetVersion);

    public override int CalculateSize() =>
        Wire.Int64Size(F.IrVersion, irVersion)
        + Wire.StringSize(F.ProducerName, producerName)
        + Wire.StringSize(F.ProducerVersion, producerVersion)
        + Wire.MessageSize(F.Graph, graph)
        + Wire.MessageSize(F.OpsetImport, _opset);

    public override void WriteTo(CodedOutputStream output)
    {
        Wire.Int64(output, F.IrVersion, irVersion);
        Wire.String(output, F.ProducerName, producerName);
        Wire.String(output, F.ProducerVersion, producerVersion);
        Wire.Message(output, F.Graph, graph);
        Wire.Message(output, F.OpsetImport, _opset);
    }
}

/// <summary>OperatorSetIdProto for the default domain (domain omitted means "").</summary>
internal sealed class OperatorSetIdMessage(long version) : ProtoMessage
{
    public override int CalculateSize() => Wire.Int64Size(OnnxFields.OperatorSetId.Version, version);

    public override void WriteTo(CodedOutputStream output) => Wire.Int64(output, OnnxFields.OperatorSetId.Version, version);
}
