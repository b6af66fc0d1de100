using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace LstmGen.Interop;

/// <summary>
/// An immutable, named, dense tensor in row-major (C) order whose elements are stored as little-endian bytes: the unit
/// that weight files (safetensors) and framework layouts (PyTorch, Keras, ONNX) exchange.
/// </summary>
public sealed class NamedTensor
{
    private readonly byte[] _data;

    private NamedTensor(string name, TensorDataType dataType, ImmutableArray<int> shape, byte[] data)
    {
        Name = name;
        DataType = dataType;
        Shape = shape;
        _data = data;
    }

    /// <summary>The tensor's name, e.g. <c>weight_ih_l0</c>.</summary>
    public string Name { get; }

    /// <summary>The element type.</summary>
    public TensorDataType DataType { get; }

    /// <summary>The dimensions, outermost first; empty for a scalar.</summary>
    public ImmutableArray<int> Shape { get; }

    /// <summary>The number of elements: the product of <see cref="Shape"/> (1 for a scalar).</summary>
    public int ElementCount => _data.Length / SizeOf(DataType); // the factories check bytes = product(Shape) × size

    /// <summary>The raw little-endian bytes, <c>ElementCount * SizeOf(DataType)</c> of them.</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>"weight_ih_l0 F32 [8, 2]", for messages.</summary>
    public string Describe() => $"{Name} {(DataType == TensorDataType.Float32 ? "F32" : "F64")} {FormatShape(Shape.AsSpan())}";

    /// <summary>Bytes per element of <paramref name="dataType"/>.</summary>
    public static int SizeOf(TensorDataType dataType) => dataType switch
    {
        TensorDataType.Float32 => 4,
        TensorDataType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dataType), dataType, "Expected Float32 or Float64."),
    };

    /// <summary>The data type whose elements are <typeparamref name="T"/> (float or double).</summary>
    public static TensorDataType DataTypeOf<T>()
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            return TensorDataType.Float32;
        }

        if (typeof(T) == typeof(double))
        {
            return TensorDataType.Float64;
        }

        throw new NotSupportedException($"Expected float or double elements, but got {typeof(T)}.");
    }

    /// <summary>Creates a tensor of <typeparamref name="T"/> (float → F32, double → F64) by copying <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">The name is empty, a dimension is negative, or the value count does not match the shape.</exception>
    public static NamedTensor FromValues<T>(string name, ReadOnlySpan<int> shape, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        TensorDataType dataType = DataTypeOf<T>();
        ImmutableArray<int> dims = ValidateShape(name, shape);
        int count = ElementCountOf(dims);
        if (values.Length != count)
        {
            throw new ArgumentException(
                $"Tensor '{name}' of shape {FormatShape(dims.AsSpan())} needs {count} value(s), but {values.Length} were given.", nameof(values));
        }

        byte[] bytes = new byte[checked(count * SizeOf(dataType))];
        MemoryMarshal.AsBytes(values).CopyTo(bytes);
        if (!BitConverter.IsLittleEndian)
        {
            ReverseElementBytes(bytes, dataType);
        }

        return new NamedTensor(name, dataType, dims, bytes);
    }

    /// <summary>Creates a tensor from raw little-endian bytes (copied), checking that the byte count matches the shape.</summary>
    /// <exception cref="ArgumentException">The name is empty, a dimension is negative, or the byte count does not match.</exception>
    public static NamedTensor FromBytes(string name, TensorDataType dataType, ReadOnlySpan<int> shape, ReadOnlySpan<byte> littleEndianData)
    {
        ImmutableArray<int> dims = ValidateShape(name, shape);
        long expected = (long)ElementCountOf(dims) * SizeOf(dataType);
        if (littleEndianData.Length != expected)
        {
            throw new ArgumentException(
                $"Tensor '{name}' ({dataType}, shape {FormatShape(dims.AsSpan())}) needs {expected} byte(s), but {littleEndianData.Length} were given.",
                nameof(littleEndianData));
        }

        return new NamedTensor(name, dataType, dims, littleEndianData.ToArray());
    }

    /// <summary>
    /// Copies the elements, in row-major order, into <paramref name="destination"/>, converting between F32 and F64
    /// when the types differ (F32 → double is exact; F64 → float rounds to nearest).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> does not have <see cref="ElementCount"/> elements.</exception>
    /// <exception cref="InvalidDataException">
    /// An F64 element is finite but beyond float's range (|x| &gt; 3.4028235E+38 after rounding), so it would silently
    /// become infinity in a float destination; the message names the tensor and the element. NaN and infinities are copied as they are.
    /// </exception>
    public void CopyTo<T>(Span<T> destination)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        TensorDataType target = DataTypeOf<T>();
        Guard.Length(destination.Length, ElementCount, $"destination for tensor {Describe()}", nameof(destination));
        if (target == DataType && BitConverter.IsLittleEndian)
        {
            _data.AsSpan().CopyTo(MemoryMarshal.AsBytes(destination));
            return;
        }

        for (int k = 0; k < destination.Length; k++)
        {
            double value = ElementAsDouble(k);
            T converted = T.CreateChecked(value);
            if (OverflowsTo(converted, value))
            {
                throw new InvalidDataException(
                    $"Tensor {Describe()}: element {k} is {value:R}, beyond the range of {typeof(T).Name} (±{float.MaxValue:R}); it would become infinity.");
            }

            destination[k] = converted;
        }
    }

    /// <summary>The element at row-major position <paramref name="index"/>, widened to double.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, <see cref="ElementCount"/>).</exception>
    public double ReadAsDouble(int index)
    {
        if ((uint)index >= (uint)ElementCount)
        {
            Guard.Index(index, ElementCount, $"an element index of tensor {Describe()}", nameof(index));
        }

        return ElementAsDouble(index);
    }

    /// <summary>
    /// Whether <paramref name="converted"/>, the value <paramref name="value"/> rounded to a narrower type, overflowed
    /// to infinity although <paramref name="value"/> is finite (a conversion that must be refused, not rounded).
    /// </summary>
    internal static bool OverflowsTo<T>(T converted, double value)
        where T : System.Numerics.INumberBase<T> =>
        T.IsInfinity(converted) && double.IsFinite(value);

    /// <summary>The element at an index already known to be in range: no check, no allocation.</summary>
    private double ElementAsDouble(int index) => DataType == TensorDataType.Float32
        ? BinaryPrimitives.ReadSingleLittleEndian(_data.AsSpan(index * 4, 4))
        : BinaryPrimitives.ReadDoubleLittleEndian(_data.AsSpan(index * 8, 8));

    /// <summary>Shapes as <c>[4, 2]</c>.</summary>
    public static string FormatShape(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    private static ImmutableArray<int> ValidateShape(string name, ReadOnlySpan<int> shape)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("Expected a non-empty tensor name.", nameof(name));
        }

        long count = 1;
        foreach (int dim in shape)
        {
            if (dim < 0)
            {
                throw new ArgumentException($"Tensor '{name}' has a negative dimension in shape {FormatShape(shape)}.", nameof(shape));
            }

            count *= dim;
            if (count > Array.MaxLength)
            {
                throw new ArgumentException($"Tensor '{name}' of shape {FormatShape(shape)} has more elements than an array can hold.", nameof(shape));
            }
        }

        return [.. shape];
    }

    private static int ElementCountOf(ImmutableArray<int> shape)
    {
        int count = 1;
        foreach (int dim in shape)
        {
            count *= dim;
        }

        return count;
    }

    private static void ReverseElementBytes(byte[] bytes, TensorDataType dataType)
    {
        int size = SizeOf(dataType);
        for (int k = 0; k < bytes.Length; k += size)
        {
            bytes.AsSpan(k, size).Reverse();
        }
    }
}
