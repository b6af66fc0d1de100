using Google.Protobuf;
using LstmGen.Interop;
using F = LstmGen.Onnx.Proto.OnnxFields.Tensor;

namespace LstmGen.Onnx.Proto;

/// <summary>TensorProto with its elements in <c>raw_data</c> (fixed-width little-endian, row-major), used for initializers.</summary>
internal sealed class TensorMessage(string name, int dataType, IReadOnlyList<long> dims, ByteString rawData) : ProtoMessage
{
    /// <summary>An initializer holding <paramref name="tensor"/>'s name, shape and bytes (F32 → FLOAT, F64 → DOUBLE).</summary>
    public static TensorMessage From(NamedTensor tensor) =>
        new(tensor.Name, ElementType(tensor.DataType), [.. tensor.Shape.Select(d => (long)d)], ByteString.CopyFrom(tensor.Data));

    /// <summary>A one-dimensional INT64 initializer.</summary>
    public static TensorMessage Int64Vector(string name, params long[] values)
    {
        byte[] bytes = new byte[values.Length * sizeof(long)];
        for (int k = 0; k < values.Length; k++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(k * sizeof(long)), values[k]);
        }

        return new TensorMessage(name, F.Int64, [values.Length], ByteString.CopyFrom(bytes));
    }

    /// <summary>The TensorProto.DataType of a <see cref="TensorDataType"/>.</summary>
    public static int ElementType(TensorDataType dataType) => dataType switch
    {
        TensorDataType.Float32 => F.Float,
        TensorDataType.Float64 => F.Double,
        _ => throw new ArgumentOutOfRangeException(nameof(dataType), dataType, "Expected Float32 or Float64."),
    };

    public override int CalculateSize() =>
        dims.Sum(d => Wire.Int64Size(F.Dims, d))
        + Wire.Int64Size(F.DataType, dataType)
        + Wire.StringSize(F.Name, name)
        + Wire.BytesSize(F.RawData, rawData);

    public override void WriteTo(CodedOutputStream output)
    {
        foreach (long dim in dims)
        {
            Wire.Int64(output, F.Dims, dim);
        }

        Wire.Int64(output, F.DataType, dataType);
        Wire.String(output, F.Name, name);
        Wire.Bytes(output, F.RawData, rawData);
    }
}
