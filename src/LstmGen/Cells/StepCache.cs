using System.Numerics;
using LstmGen.Internal;
using LstmGen.Kernels;

namespace LstmGen;

/// <summary>
/// A read-only view of one forward step's cache: the <see cref="IRecurrentKernel{TSelf, T}.CacheLength"/> values that
/// the step wrote for its backward twin, named. LSTM: <c>[h_prev | c_prev | i | f | g | o | tanh c]</c>, each H values;
/// tanh RNN: <c>[h_prev | h]</c>; GRU: <c>[h_prev | r | z | n | hn]</c>. The cache itself is a slice of a flat buffer the caller owns (usually
/// <see cref="Workspace{TKernel, T}.Caches"/>), so a cache of any size is a view, never a large value type.
/// </summary>
/// <typeparam name="TKernel">The cell's kernel.</typeparam>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public readonly ref struct StepCache<TKernel, T>
    where TKernel : struct, IRecurrentKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A view of <paramref name="values"/>, which must hold exactly one step's cache.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not hold exactly CacheLength values.</exception>
    public StepCache(ReadOnlySpan<T> values)
    {
        Guard.Length(values.Length, TKernel.CacheLength, $"one step cache of {CellNames<TKernel>.Name}", nameof(values));
        Values = values;
    }

    /// <summary>The whole cache, flat.</summary>
    public ReadOnlySpan<T> Values { get; }

    /// <summary>h_{t-1}, the hidden state the step started from (H).</summary>
    public ReadOnlySpan<T> HPrev => Part(0);

    /// <summary>LSTM: c_{t-1}, the cell state the step started from (H).</summary>
    public ReadOnlySpan<T> CPrev => LstmPart(1);

    /// <summary>LSTM: the input gate i = σ(z_i) (H).</summary>
    public ReadOnlySpan<T> I => LstmPart(2);

    /// <summary>LSTM: the forget gate f = σ(z_f) (H).</summary>
    public ReadOnlySpan<T> F => LstmPart(3);

    /// <summary>LSTM: the candidate g = tanh(z_g) (H).</summary>
    public ReadOnlySpan<T> G => LstmPart(4);

    /// <summary>LSTM: the output gate o = σ(z_o) (H).</summary>
    public ReadOnlySpan<T> O => LstmPart(5);

    /// <summary>LSTM: tanh(c_t) (H).</summary>
    public ReadOnlySpan<T> TanhC => LstmPart(6);

    /// <summary>GRU: the reset gate r = σ(zx_r + zh_r) (H).</summary>
    public ReadOnlySpan<T> R => GruPart(1);

    /// <summary>GRU: the update gate z = σ(zx_z + zh_z) (H).</summary>
    public ReadOnlySpan<T> Z => GruPart(2);

    /// <summary>GRU: the new gate n = tanh(zx_n + r ⊙ hn) (H).</summary>
    public ReadOnlySpan<T> N => GruPart(3);

    /// <summary>GRU: hn = U_n h_prev + b_hn, the recurrent part of n before the reset gate (H).</summary>
    public ReadOnlySpan<T> Hn => GruPart(4);

    /// <summary>h_t, the step's hidden output (H): cached for a tanh RNN only.</summary>
    /// <remarks>For an LSTM (<c>o ⊙ tanh c</c>) and a GRU (<c>(1 − z) ⊙ n + z ⊙ h_prev</c>) this is not stored; use the step's output instead.</remarks>
    /// <exception cref="InvalidOperationException">The cell is an LSTM or a GRU.</exception>
    public ReadOnlySpan<T> H => TKernel.Kind switch
    {
        RecurrentCellKind.Lstm => throw new InvalidOperationException($"{CellNames<TKernel>.Name} is an LSTM: its cache holds o and tanh c, not h."),
        RecurrentCellKind.Gru => throw new InvalidOperationException($"{CellNames<TKernel>.Name} is a GRU: its cache holds h_prev, r, z, n and hn, not h."),
        _ => Part(1),
    };

    private ReadOnlySpan<T> Part(int index) => Values.Slice(index * TKernel.HiddenSize, TKernel.HiddenSize);

    private ReadOnlySpan<T> LstmPart(int index) => TKernel.Kind == RecurrentCellKind.Lstm ? Part(index) : throw WrongKind("an LSTM");

    private ReadOnlySpan<T> GruPart(int index) => TKernel.Kind == RecurrentCellKind.Gru ? Part(index) : throw WrongKind("a GRU");

    private static InvalidOperationException WrongKind(string owner) => new(
        $"{CellNames<TKernel>.Name} is {Contents}; that part belongs to {owner}.");

    private static string Contents => TKernel.Kind switch
    {
        RecurrentCellKind.Lstm => "an LSTM: its cache holds h_prev, c_prev, i, f, g, o and tanh c",
        RecurrentCellKind.Gru => "a GRU: its cache holds h_prev, r, z, n and hn",
        _ => "a tanh RNN: its cache holds h_prev and h only",
    };
}
