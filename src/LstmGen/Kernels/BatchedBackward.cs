using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace LstmGen.Kernels;

/// <summary>
/// BPTT at matrix–matrix speed for the SIMD kernels (LSTM, tanh RNN, GRU), every batch size including 1: the reverse loop
/// keeps only what must be sequential, and the weight gradients are hoisted out of it.
/// <code>
/// for t = T−1 … 0:   dz_{t,b}  = gate gradients(cache_{t,b}, carry_b)       element-wise, every valid sample b
///                    dh_{t−1,b} = Uᵀ dz_{t,b}  (+ dh ⊙ z for a GRU)          one GEMM for all samples of the step
/// every chunk of rows (a row: one sample at one step), and after the loop:
///                    dU += DZᵀ H_prev    dW += DZᵀ X (one-hot: a column per row)    db += Σ dz    dX = DZ W
/// </code>
/// The rows of a chunk (their dz, h_prev and x) are kept on the stack, at most <see cref="ScratchBytes"/>, so a chunk holds a
/// whole sequence of B's size and two steps of a 32-sample batch; the gradients dU and dW are then read and written
/// once per chunk, not once per sample and step (<see cref="GateGemm{TShape, T}"/>). Per sample, dz, dh_prev and dx are
/// the same whatever the batch around it (<see cref="GateGemm{TShape, T}"/>'s tiles do not change an element's sum); dp
/// sums the rows' terms in chunk order (steps from the last, samples in order), so it differs from a sample-by-sample
/// BPTT by rounding only.
/// </summary>
internal static partial class BatchedBackward<TKernel, T>
    where TKernel : struct, IRecurrentKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    // The chunk's stack scratch: large enough for whole sequences of mid-size cells, small enough for any thread's stack.
    private const int ScratchBytes = 192 * 1024;

    // More rows per chunk than this gain nothing (the gradients are already read once per 256 rows' work).
    private const int MaxRows = 256;

    private static int H => TKernel.HiddenSize;

    private static int D => TKernel.InputSize;

    private static int G => CellShape<TKernel>.GateRows;

    private static bool IsGru => TKernel.Kind == RecurrentCellKind.Gru;

    private static bool IsLstm => TKernel.Kind == RecurrentCellKind.Lstm;

    /// <summary>
    /// Whether BPTT over dense (or one-hot) inputs runs here: a SIMD kernel whose gate rows fill a vector, and one row's
    /// scratch within <see cref="ScratchBytes"/>. A constant per argument after JIT specialisation.
    /// </summary>
    public static bool Applies(bool dense) => TKernel.Strategy == KernelStrategy.Simd && GateGemm<TKernel, T>.Width > 0 && RowLength(dense) * Unsafe.SizeOf<T>() <= ScratchBytes;

    // A row's scratch: dzx [G] (the bias and input columns' dz), dzh [G] (the hidden columns'; a GRU's only), h_prev [H],
    // x [D] (dense inputs only: a one-hot row keeps its index).
    private static int RowLength(bool dense) => ((IsGru ? 2 : 1) * G) + H + (dense ? D : 0);

    /// <summary>
    /// BPTT over T steps of m sequences, time-major (row t·m + b), with the arguments <see cref="Recurrent{TKernel, T}"/>
    /// has checked: xs [T × m × D] or indices [T × m] (the other empty), lengths [m] or empty, caches, dOutputs
    /// [T × m × H]; carries [m × S] (zeroed here, ∂L/∂state_0 out); dxs [T × m × D] or empty; dp += ∂L/∂θ.
    /// </summary>
    [SkipLocalsInit]                                                       // the chunk is written before it is read
    public static void Run(
        ReadOnlySpan<T> p, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, ReadOnlySpan<int> lengths, int steps, int m, ReadOnlySpan<T> caches,
        ReadOnlySpan<T> dOutputs, Span<T> carries, Span<T> dxs, Span<T> dp)
    {
        bool dense = indices.IsEmpty;
        int rowLength = RowLength(dense), capacity = Math.Min(MaxRows, ScratchBytes / (rowLength * Unsafe.SizeOf<T>()));
        var chunk = new Chunk(stackalloc T[capacity * rowLength], stackalloc int[3 * capacity], capacity, dense);
        int h = H, s = Recurrent<TKernel, T>.StateLength, c = TKernel.CacheLength, d = D;
        carries.Clear();
        for (int t = steps - 1; t >= 0; t--)
        {
            int first = chunk.Rows;                                         // the step's rows: [first, chunk.Rows)
            for (int b = 0; b < m; b++)
            {
                int row = (t * m) + b;
                if (!SequenceLengths.IsValid(lengths, b, t))
                {
                    if (!dxs.IsEmpty)
                    {
                        dxs.Slice(row * d, d).Clear();                      // a padded step's input gradient
                    }

                    continue;
                }

                if (chunk.Rows == capacity)
                {
                    HiddenProduct(p, chunk, first, carries);
                    Flush(p, ref chunk, dxs, dp);
                    first = 0;
                }

                Span<T> carry = carries.Slice(b * s, s);
                TensorPrimitives.Add(carry[..h], dOutputs.Slice(row * h, h), carry[..h]);
                AddRow(caches.Slice(row * c, c), indices.IsEmpty ? xs.Slice(row * d, d) : default, indices.IsEmpty ? -1 : indices[row], row, b * s, carry, ref chunk);
            }

            HiddenProduct(p, chunk, first, carries);
        }

        Flush(p, ref chunk, dxs, dp);
    }

    // Row j of the chunk: the element-wise backward of its step (dz from the cache and the carry; an LSTM's dc_prev and a
    // GRU's direct term dh' ⊙ z go straight into the carry), its h_prev and x kept for the chunk's weight gradients.
    private static void AddRow(ReadOnlySpan<T> cache, ReadOnlySpan<T> x, int index, int row, int carryOffset, Span<T> carry, ref Chunk chunk)
    {
        int j = chunk.Rows++, h = H;
        Span<T> dzx = chunk.Dzx(j);
        if (IsLstm)
        {
            SimdGateGradients<TKernel, T>.Lstm(cache, carry, dzx, carry.Slice(h, h));
        }
        else if (IsGru)
        {
            Span<T> direct = chunk.HPrev(j);                               // borrowed until h_prev is copied below
            SimdGateGradients<TKernel, T>.Gru(cache, carry, dzx, chunk.Dzh(j), direct);
            direct.CopyTo(carry[..h]);                                     // dh_prev = dh' ⊙ z, + Uᵀ dzh by HiddenProduct
        }
        else
        {
            SimdGateGradients<TKernel, T>.Rnn(cache, carry, dzx);
        }

        cache[..h].CopyTo(chunk.HPrev(j));
        if (index < 0)
        {
            x.CopyTo(chunk.X(j));
        }

        chunk.Index[j] = index;
        chunk.Target[j] = row * D;                                   // where its dx goes in dxs
        chunk.Carry[j] = carryOffset;
    }

    // dh_prev of rows [first, Rows) = Uᵀ dzh, into each row's carry (added to a GRU's direct term).
    private static void HiddenProduct(ReadOnlySpan<T> p, in Chunk chunk, int first, Span<T> carries)
    {
        int rows = chunk.Rows - first, g = G;
        if (rows > 0)
        {
            GateGemm<TKernel, T>.TransposedProduct(
                p.Slice(D * g, H * g), H, chunk.DzhRows(first, rows), rows, carries, chunk.Carry.Slice(first, rows), accumulate: IsGru);
        }
    }

    // The chunk's weight gradients and input gradients, then an empty chunk.
    private static void Flush(ReadOnlySpan<T> p, ref Chunk chunk, Span<T> dxs, Span<T> dp)
    {
        int rows = chunk.Rows, g = G, h = H, d = D;
        if (rows == 0)
        {
            return;
        }

        ReadOnlySpan<T> dzx = chunk.DzxRows(0, rows), dzh = chunk.DzhRows(0, rows);
        bool oneHot = chunk.Index[0] >= 0;
        BiasAndOneHotColumns(dzx, rows, oneHot ? chunk.Index[..rows] : default, dp);     // db += Σ dzx; one-hot: dW[:, index] += dzx
        for (int j = 0; IsGru && TKernel.HasBias && j < rows; j++)
        {
            Span<T> dbhn = dp.Slice(CellShape<TKernel>.RecurrentBiasOffset, h);
            TensorPrimitives.Add(dbhn, dzh.Slice((j * g) + (2 * h), h), dbhn);   // db_hn += dhn
        }

        if (!oneHot)
        {
            GateGemm<TKernel, T>.RankUpdate(dp[..(d * g)], d, dzx, rows, chunk.XRows(rows), d);     // dW += DZXᵀ X
            if (!dxs.IsEmpty)
            {
                GateGemm<TKernel, T>.TransposedProduct(p[..(d * g)], d, dzx, rows, dxs, chunk.Target[..rows], accumulate: false);   // dx = Wᵀ dzx
            }
        }

        GateGemm<TKernel, T>.RankUpdate(dp.Slice(d * g, h * g), h, dzh, rows, chunk.HPrevRows(rows), h);   // dU += DZHᵀ H_prev
        chunk.Clear();
    }

    // The rows kept for the weight gradients, in blocks of one stack buffer: dzx [capacity × G], dzh [capacity × G] (a
    // GRU's only; the others' dzh is dzx), h_prev [capacity × H], x [capacity × D] (dense inputs); per row its one-hot
    // index (−1 for dense), the offset of its dx in dxs ((t·m + b)·D) and its carry's offset.
    private ref struct Chunk
    {
        private readonly Span<T> _dzx, _dzh, _hPrev, _x;
        private readonly Span<int> _maps;

        public Chunk(Span<T> scratch, Span<int> maps, int capacity, bool dense)
        {
            int g = capacity * G, dzh = IsGru ? g : 0, h = capacity * H;
            _dzx = scratch[..g];
            _dzh = IsGru ? scratch.Slice(g, g) : _dzx;
            _hPrev = scratch.Slice(g + dzh, h);
            _x = dense ? scratch.Slice(g + dzh + h, capacity * D) : default;
            _maps = maps;
            Capacity = capacity;
        }

        public int Capacity { get; }

        public int Rows { get; set; }

        public readonly Span<int> Index => _maps[..Capacity];

        public readonly Span<int> Target => _maps.Slice(Capacity, Capacity);

        public readonly Span<int> Carry => _maps.Slice(2 * Capacity, Capacity);

        public readonly Span<T> Dzx(int j) => _dzx.Slice(j * G, G);

        public readonly Span<T> Dzh(int j) => _dzh.Slice(j * G, G);

        public readonly Span<T> HPrev(int j) => _hPrev.Slice(j * H, H);

        public readonly Span<T> X(int j) => _x.Slice(j * D, D);

        public readonly ReadOnlySpan<T> DzxRows(int first, int rows) => _dzx.Slice(first * G, rows * G);

        public readonly ReadOnlySpan<T> DzhRows(int first, int rows) => _dzh.Slice(first * G, rows * G);

        public readonly ReadOnlySpan<T> HPrevRows(int rows) => _hPrev[..(rows * H)];

        public readonly ReadOnlySpan<T> XRows(int rows) => _x[..(rows * D)];

        public void Clear() => Rows = 0;
    }
}
