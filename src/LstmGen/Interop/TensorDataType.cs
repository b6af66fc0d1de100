namespace LstmGen.Interop;

/// <summary>The element type of a <see cref="NamedTensor"/> (safetensors names in brackets).</summary>
public enum TensorDataType
{
    /// <summary>IEEE 754 binary32, little-endian (<c>F32</c>).</summary>
    Float32 = 0,

    /// <summary>IEEE 754 binary64, little-endian (<c>F64</c>).</summary>
    Float64 = 1,
}
