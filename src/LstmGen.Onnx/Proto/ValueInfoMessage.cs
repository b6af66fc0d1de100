using Google.Protobuf;

namespace LstmGen.Onnx.Proto;

/// <summary>One dimension of a graph input or output: a fixed size or a symbolic name such as "batch".</summary>
internal readonly record struct Dim(long Value, string? Param)
{
    public static implicit operator Dim(int value) => new(value, null);

    public static implicit operator Dim(string param) => new(0, param);
}

/// <summary>
/// ValueInfoProto for a tensor: its name and TypeProto { tensor_type { elem_type, shape { dim... } } }, written as
/// nested messages.
/// </summary>
internal sealed class ValueInfoMessage(string name, int elementType, IReadOnlyList<Dim> shape) : ProtoMessage
{
    private readonly TypeMessage _type = new(new TensorTypeMessage(elementType, new ShapeMessage(shape)));

    public override int CalculateSize() =>
        Wire.StringSize(OnnxFields.ValueInfo.Name, name) + Wire.MessageSize(OnnxFields.ValueInfo.Type, _type);

    public override void WriteTo(CodedOutputStream output)
    {
        Wire.String(output, OnnxFields.ValueInfo.Name, name);
        Wire.Message(output, OnnxFields.ValueInfo.Type, _type);
    }

    private sealed class TypeMessage(TensorTypeMessage tensorType) : ProtoMessage
    {
        public override int CalculateSize() => Wire.MessageSize(OnnxFields.Type.TensorType, tensorType);

        public override void WriteTo(CodedOutputStream output) => Wire.Message(output, OnnxFields.Type.TensorType, tensorType);
    }

    private sealed class TensorTypeMessage(int elementType, ShapeMessage shape) : ProtoMessage
    {
        public override int CalculateSize() =>
            Wire.Int64Size(OnnxFields.Type.ElemType, elementType) + Wire.MessageSize(OnnxFields.Type.Shape, shape);

        public override void WriteTo(CodedOutputStream output)
        {
            Wire.Int64(output, OnnxFields.Type.ElemType, elementType);
            Wire.Message(output, OnnxFields.Type.Shape, shape);
        }
    }

    private sealed class ShapeMessage(IReadOnlyList<Dim> dims) : ProtoMessage
    {
        private readonly DimMessage[] _dims = [.. dims.Select(d => new DimMessage(d))];

        public override int CalculateSize() => Wire.MessagesSize(OnnxFields.Shape.Dim, _dims);

        public override void WriteTo(CodedOutputStream output) => Wire.Messages(output, OnnxFields.Shape.Dim, _dims);
    }

    private sealed class DimMessage(Dim dim) : ProtoMessage
    {
        public override int CalculateSize() => dim.Param is null
            ? Wire.Int64Size(OnnxFields.Shape.DimValue, dim.Value)
            : Wire.StringSize(OnnxFields.Shape.DimParam, dim.Param);

        public override void WriteTo(CodedOutputStream output)
        {
            if (dim.Param is null)
            {
                Wire.Int64(output, OnnxFields.Shape.DimValue, dim.Value);
            }
            else
            {
                Wire.String(output, OnnxFields.Shape.DimParam, dim.Param);
            }
        }
    }
}
