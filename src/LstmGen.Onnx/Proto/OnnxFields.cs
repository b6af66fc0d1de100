namespace LstmGen.Onnx.Proto;

/// <summary>
/// The ONNX protobuf field numbers and enum values this exporter writes, taken from the ONNX IR specification
/// (onnx/onnx.proto, proto2 syntax) and cross-checked against an independent generated binding (sonos/tract's
/// prost-generated onnx.rs). Only the fields LstmGen writes are listed.
/// </summary>
internal static class OnnxFields
{
    /// <summary>ModelProto.</summary>
    internal static class Model
    {
        internal const int IrVersion = 1;        // int64
        internal const int ProducerName = 2;     // string
        internal const int ProducerVersion = 3;  // string
        internal const int Graph = 7;            // GraphProto
        internal const int OpsetImport = 8;      // repeated OperatorSetIdProto
    }

    /// <summary>OperatorSetIdProto.</summary>
    internal static class OperatorSetId
    {
        internal const int Domain = 1;   // string ("" = the default ONNX domain)
        internal const int Version = 2;  // int64
    }

    /// <summary>GraphProto.</summary>
    internal static class Graph
    {
        internal const int Node = 1;         // repeated NodeProto
        internal const int Name = 2;         // string
        internal const int Initializer = 5;  // repeated TensorProto
        internal const int Input = 11;       // repeated ValueInfoProto
        internal const int Output = 12;      // repeated ValueInfoProto
    }

    /// <summary>NodeProto.</summary>
    internal static class Node
    {
        internal const int Input = 1;      // repeated string
        internal const int Output = 2;     // repeated string
        internal const int Name = 3;       // string
        internal const int OpType = 4;     // string
        internal const int Attribute = 5;  // repeated AttributeProto
    }

    /// <summary>AttributeProto.</summary>
    internal static class Attribute
    {
        internal const int Name = 1;     // string
        internal const int I = 3;        // int64
        internal const int S = 4;        // bytes
        internal const int Ints = 8;     // repeated int64
        internal const int Strings = 9;  // repeated bytes
        internal const int Type = 20;    // AttributeType enum

        /// <summary>AttributeProto.AttributeType values.</summary>
        internal const int TypeInt = 2;
        internal const int TypeString = 3;
        internal const int TypeInts = 7;
        internal const int TypeStrings = 8;
    }

    /// <summary>TensorProto.</summary>
    internal static class Tensor
    {
        internal const int Dims = 1;      // repeated int64
        internal const int DataType = 2;  // int32 (TensorProto.DataType)
        internal const int Name = 8;      // string
        internal const int RawData = 9;   // bytes, fixed-width little-endian

        /// <summary>TensorProto.DataType values.</summary>
        internal const int Float = 1;
        internal const int Int64 = 7;
        internal const int Double = 11;
    }

    /// <summary>ValueInfoProto.</summary>
    internal static class ValueInfo
    {
        internal const int Name = 1;  // string
        internal const int Type = 2;  // TypeProto
    }

    /// <summary>TypeProto and its nested TypeProto.Tensor.</summary>
    internal static class Type
    {
        internal const int TensorType = 1;   // TypeProto.tensor_type (TypeProto.Tensor)
        internal const int ElemType = 1;     // TypeProto.Tensor.elem_type (int32)
        internal const int Shape = 2;        // TypeProto.Tensor.shape (TensorShapeProto)
    }

    /// <summary>TensorShapeProto and TensorShapeProto.Dimension.</summary>
    internal static class Shape
    {
        internal const int Dim = 1;       // TensorShapeProto.dim (repeated Dimension)
        internal const int DimValue = 1;  // Dimension.dim_value (int64)
        internal const int DimParam = 2;  // Dimension.dim_param (string)
    }
}
