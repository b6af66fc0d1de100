using System.Numerics;
using LstmGen.Internal;
using LstmGen.Kernels;

namespace LstmGen;

/// <summary>
/// One flat buffer of a cell's parameters θ (or of their gradients), laid out as <see cref="CellLayout"/> describes,
/// with named, writable views of each weight. <see cref="Parameters{TKernel, T}"/> and
/// <see cref="Gradients{TKernel, T}"/> are the two kinds; a generated cell derives its own <c>Parameters</c> and
/// <c>Gradients</c> from them.
/// </summary>
/// <typeparam name="TKernel">The cell's kernel.</typeparam>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public abstract class ParameterBuffer<TKernel, T>
    where TKernel : struct, IRecurrentKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AlignedArray<T> _values;

    /// <summary>A buffer of <see cref="Count"/> zeros.</summary>
    private protected ParameterBuffer() => _values = new AlignedArray<T>(Count);

    /// <summary>A buffer holding a copy of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not hold exactly <see cref="Count"/> values.</exception>
    private protected ParameterBuffer(ReadOnlySpan<T> values, string what)
    {
        Guard.Length(values.Length, Count, $"flat {what} of {CellNames<TKernel>.Name}", nameof(values));
        _values = new AlignedArray<T>(values);
    }

    /// <summary>The number of values: <see cref="CellLayout.ParameterCount"/> of the cell.</summary>
    public static int Count => CellShape<TKernel>.ParameterCount;

    /// <summary>Where each value lives (the cell's <see cref="CellLayout"/>).</summary>
    public static CellLayout Layout => KernelShape<TKernel, T>.Layout;

    /// <summary>All values as one writable span, in the order of <see cref="Layout"/>, starting on a 64-byte boundary.</summary>
    public Span<T> AsSpan() => _values.Span;

    /// <summary>The values, for the runtime's kernels (on a 64-byte boundary, so that the SIMD kernels' loads of a weight column do not split cache lines).</summary>
    internal Span<T> Values => _values.Span;

    /// <summary>LSTM: the input weight <c>W_gate[row, column]</c> (H x D), as a writable reference.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    /// <exception cref="InvalidOperationException">The cell is not an LSTM.</exception>
    public ref T W(LstmGate gate, int row, int column) =>
        ref _values.Span[Layout.InputWeightIndex(LstmRow(gate, row, "W"), Checked(column, TKernel.InputSize, "a column of W", nameof(column)))];

    /// <summary>LSTM: the recurrent weight <c>U_gate[row, column]</c> (H x H), as a writable reference.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    /// <exception cref="InvalidOperationException">The cell is not an LSTM.</exception>
    public ref T U(LstmGate gate, int row, int column) =>
        ref _values.Span[Layout.RecurrentWeightIndex(LstmRow(gate, row, "U"), Checked(column, TKernel.HiddenSize, "a column of U", nameof(column)))];

    /// <summary>LSTM: the bias <c>b_gate[row]</c> (H), as a writable reference.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    /// <exception cref="InvalidOperationException">The cell is not an LSTM, or it is bias-free (<c>Bias = false</c>).</exception>
    public ref T B(LstmGate gate, int row) => ref _values.Span[Layout.BiasIndex(LstmRow(gate, WithBias(row), "b"))];

    /// <summary>Tanh RNN: the input weight <c>W[row, column]</c> (H x D), as a writable reference.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    /// <exception cref="InvalidOperationException">The cell is not a tanh RNN (an LSTM or a GRU: use the overload with a gate).</exception>
    public ref T W(int row, int column) =>
        ref _values.Span[Layout.InputWeightIndex(RnnRow(row, "W"), Checked(column, TKernel.InputSize, "a column of W", nameof(column)))];

    /// <summary>Tanh RNN: the recurrent weight <c>U[row, column]</c> (H x H), as a writable reference.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    /// <exception cref="InvalidOperationException">The cell is not a tanh RNN (an LSTM or a GRU: use the overload with a gate).</exception>
    public ref T U(int row, int column) =>
        ref _values.Span[Layout.RecurrentWeightIndex(RnnRow(row, "U"), Checked(column, TKernel.HiddenSize, "a column of U", nameof(column)))];

    /// <summary>Tanh RNN: the bias <c>b[row]</c> (H), as a writable reference.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    /// <exception cref="InvalidOperationException">The cell is not a tanh RNN (an LSTM or a GRU: use the overload with a gate), or it is bias-free (<c>Bias = false</c>).</exception>
    public ref T B(int row) => ref _values.Span[Layout.BiasIndex(RnnRow(WithBias(row), "b"))];

    /// <summary>GRU: the input weight <c>W_gate[row, column]</c> (H x D), as a writable reference.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    /// <exception cref="InvalidOperationException">The cell is not a GRU.</exception>
    public ref T W(GruGate gate, int row, int column) =>
        ref _values.Span[Layout.InputWeightIndex(GruRow(gate, row, "W"), Checked(column, TKernel.InputSize, "a column of W", nameof(column)))];

    /// <summary>GRU: the recurrent weight <c>U_gate[row, column]</c> (H x H), as a writable reference.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    /// <exception cref="InvalidOperationException">The cell is not a GRU.</exception>
    public ref T U(GruGate gate, int row, int column) =>
        ref _values.Span[Layout.RecurrentWeightIndex(GruRow(gate, row, "U"), Checked(column, TKernel.HiddenSize, "a column of U", nameof(column)))];

    /// <summary>
    /// GRU: the bias <c>b_gate[row]</c> (H), as a writable reference: <c>b_ir + b_hr</c> for <see cref="GruGate.R"/>,
    /// <c>b_iz + b_hz</c> for <see cref="GruGate.Z"/>, the input bias <c>b_in</c> alone for <see cref="GruGate.N"/>
    /// (its recurrent bias is <see cref="Bhn"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    /// <exception cref="InvalidOperationException">The cell is not a GRU, or it is bias-free (<c>Bias = false</c>).</exception>
    public ref T B(GruGate gate, int row) => ref _values.Span[Layout.BiasIndex(GruRow(gate, WithBias(row), "b"))];

    /// <summary>GRU: the recurrent bias of the new gate, <c>b_hn[row]</c> (H), inside the reset product, as a writable reference.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    /// <exception cref="InvalidOperationException">The cell is not a GRU, or it is bias-free (<c>Bias = false</c>).</exception>
    public ref T Bhn(int row)
    {
        if (TKernel.Kind != RecurrentCellKind.Gru)
        {
            throw new InvalidOperationException($"{CellNames<TKernel>.Name} is {KindDescription}: only a GRU has the recurrent bias b_hn.");
        }

        if (!TKernel.HasBias)
        {
            throw new InvalidOperationException($"{CellNames<TKernel>.Name} is bias-free (declared with Bias = false, PyTorch's bias=False): it has no b_hn in its parameters.");
        }

        return ref _values.Span[Layout.RecurrentBiasIndex(Checked(row, TKernel.HiddenSize, "a row of b_hn", nameof(row)))];
    }

    /// <summary>The softmax head's weight <c>W_y[output, row]</c> (V x H), as a writable reference.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    /// <exception cref="InvalidOperationException">The cell has no softmax head.</exception>
    public ref T Wy(int output, int row) =>
        ref _values.Span[Layout.HeadWeightIndex(HeadRow(output), Checked(row, TKernel.HiddenSize, "a column of W_y", nameof(row)))];

    /// <summary>The softmax head's bias <c>b_y[output]</c> (V), as a writable reference.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    /// <exception cref="InvalidOperationException">The cell has no softmax head.</exception>
    public ref T By(int output) => ref _values.Span[Layout.HeadBiasIndex(HeadRow(output))];

    private static int Checked(int index, int count, string what, string parameterName)
    {
        Guard.Index(index, count, $"{what} in {CellNames<TKernel>.Name}", parameterName);
        return index;
    }

    // The bias views of a bias-free cell say so before any index check.
    private static int WithBias(int row) => TKernel.HasBias
        ? row
        : throw new InvalidOperationException($"{CellNames<TKernel>.Name} is bias-free (declared with Bias = false, PyTorch's bias=False): it has no b in its parameters.");

    private static int LstmRow(LstmGate gate, int row, string matrix)
    {
        if (TKernel.Kind != RecurrentCellKind.Lstm)
        {
            throw new InvalidOperationException($"{CellNames<TKernel>.Name} is {KindDescription}: {Usage(matrix)}");
        }

        if ((uint)gate > (uint)LstmGate.Output)
        {
            throw new ArgumentOutOfRangeException(nameof(gate), gate, "Expected an LstmGate: Input, Forget, Candidate or Output.");
        }

        return ((int)gate * TKernel.HiddenSize) + Checked(row, TKernel.HiddenSize, $"a row of {matrix}", nameof(row));
    }

    private static int GruRow(GruGate gate, int row, string matrix)
    {
        if (TKernel.Kind != RecurrentCellKind.Gru)
        {
            throw new InvalidOperationException($"{CellNames<TKernel>.Name} is {KindDescription}: {Usage(matrix)}");
        }

        if ((uint)gate > (uint)GruGate.N)
        {
            throw new ArgumentOutOfRangeException(nameof(gate), gate, "Expected a GruGate: R, Z or N.");
        }

        return ((int)gate * TKernel.HiddenSize) + Checked(row, TKernel.HiddenSize, $"a row of {matrix}", nameof(row));
    }

    private static int RnnRow(int row, string matrix)
    {
        if (TKernel.Kind != RecurrentCellKind.TanhRnn)
        {
            throw new InvalidOperationException($"{CellNames<TKernel>.Name} is {KindDescription}: {Usage(matrix)}");
        }

        return Checked(row, TKernel.HiddenSize, $"a row of {matrix}", nameof(row));
    }

    private static string KindDescription => TKernel.Kind switch
    {
        RecurrentCellKind.Lstm => "an LSTM with four gates",
        RecurrentCellKind.Gru => "a GRU with three gates",
        _ => "a tanh RNN with one gate",
    };

    // How to reach matrix (W, U or b) for this cell's kind.
    private static string Usage(string matrix)
    {
        string rest = matrix == "b" ? "row" : "row, column";
        return TKernel.Kind switch
        {
            RecurrentCellKind.Lstm => $"use {matrix}(gate, {rest}) with an LstmGate.",
            RecurrentCellKind.Gru => $"use {matrix}(gate, {rest}) with a GruGate.",
            _ => $"use {matrix}({rest}) without a gate.",
        };
    }

    private static int HeadRow(int output)
    {
        if (TKernel.OutputSize == 0)
        {
            throw new InvalidOperationException($"{CellNames<TKernel>.Name} has no softmax head (OutputSize = 0).");
        }

        return Checked(output, TKernel.OutputSize, "an output row of the head", nameof(output));
    }
}
