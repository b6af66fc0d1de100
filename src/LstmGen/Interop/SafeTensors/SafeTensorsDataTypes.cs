using System.Collections.Frozen;

namespace LstmGen.Interop;

/// <summary>
/// The dtype names of the safetensors format: the two LstmGen reads (F32, F64) and the others it recognises so that
/// it can say "unsupported" rather than "unknown".
/// </summary>
internal static class SafeTensorsDataTypes
{
    /// <summary>Every dtype the reference implementation defines, F32 and F64 included.</summary>
    private static readonly FrozenSet<string> Known = FrozenSet.Create(
        StringComparer.Ordinal,
        "BOOL", "F4", "F6_E2M3", "F6_E3M2", "U8", "I8", "F8_E5M2", "F8_E4M3", "F8_E8M0", "I16", "U16", "F16", "BF16",
        "I32", "U32", "F32", "F64", "I64", "U64", "C64");

    /// <summary>The format's name for <paramref name="dataType"/>: F32 or F64.</summary>
    public static string NameOf(TensorDataType dataType) => dataType switch
    {
        TensorDataType.Float32 => "F32",
        TensorDataType.Float64 => "F64",
        _ => throw new ArgumentOutOfRangeException(nameof(dataType), dataType, "Expected Float32 or Float64."),
    };

    /// <summary>Maps a dtype name to F32/F64, or throws naming the tensor: unsupported (known but not read) or unknown.</summary>
    public static TensorDataType Parse(string dtype, string tensorName) => dtype switch
    {
        "F32" => TensorDataType.Float32,
        "F64" => TensorDataType.Float64,
        _ when Known.Contains(dtype) => throw SafeTensorsFormatException.ForTensor(
            tensorName, $"unsupported dtype {dtype} for tensor {SafeTensorsText.Quote(tensorName)} (LstmGen reads F32 and F64)"),
        _ => throw SafeTensorsFormatException.ForTensor(
            tensorName, $"unknown dtype '{SafeTensorsText.Quote(dtype)}' (expected a safetensors dtype such as F32 or F64)"),
    };
}
