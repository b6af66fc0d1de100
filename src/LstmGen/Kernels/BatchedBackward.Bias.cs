using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Kernels;

internal static partial class BatchedBackward<TKernel, T>
{
    // Vectors of gate rows per block: the bias gradient's block stays in registers while the rows stream past.
    private const int BiasBlock = 8;

    // db [G] += Σ_j dzx_j (a cell with a bias) and, for one-hot rows, dW[:, index_j] += dzx_j, per block of gate rows: db's
    // block in registers while the rows stream past in order; then the one-hot rows grouped by class (sorted by (index,
    // row)), each class's column block loaded once, its rows added in order, stored once (rows of one class one after
    // the other would otherwise wait on each other's stores). Every element's sum runs over the rows in order, one add
    // per row: the same values as adding the rows one by one, and as the dense path's rank update of one-hot rows.
    private static void BiasAndOneHotColumns(ReadOnlySpan<T> dzx, int rows, ReadOnlySpan<int> indices, Span<T> dp)
    {
        if (!TKernel.HasBias && indices.IsEmpty)
        {
            return;
        }

        Span<int> order = stackalloc int[indices.Length];                  // index · MaxRows + row, sorted (rows ≤ MaxRows)
        for (int j = 0; j < indices.Length; j++)
        {
            order[j] = (indices[j] * MaxRows) + j;
        }

        order.Sort();
        switch (GateGemm<TKernel, T>.Width)
        {
            case 512:
                BiasAndOneHotColumns<Lanes512<T>, Vector512<T>>(dzx, rows, order, dp);
                break;
            case 256:
                BiasAndOneHotColumns<Lanes256<T>, Vector256<T>>(dzx, rows, order, dp);
                break;
            default:
                BiasAndOneHotColumns<Lanes128<T>, Vector128<T>>(dzx, rows, order, dp);
                break;
        }
    }

    private static void BiasAndOneHotColumns<TLanes, TVector>(ReadOnlySpan<T> dzx, int rows, ReadOnlySpan<int> order, Span<T> dp)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int g = G, n = TLanes.Count, r = 0;
        Guard.KernelSpans(dzx.Length >= rows * g && dp.Length >= CellShape<TKernel>.ParameterCount && (order.IsEmpty || order.Length == rows));
        ref T dz0 = ref MemoryMarshal.GetReference(dzx);
        ref T dp0 = ref MemoryMarshal.GetReference(dp);
        for (; r <= g - (BiasBlock * n); r += BiasBlock * n)
        {
            if (TKernel.HasBias)
            {
                AddRows<TLanes, TVector>(ref Unsafe.Add(ref dp0, CellShape<TKernel>.BiasOffset + r), ref Unsafe.Add(ref dz0, r), default, 0, rows);
            }

            for (int first = 0, last; first < order.Length; first = last)
            {
                int index = order[first] / MaxRows;
                for (last = first + 1; last < order.Length && order[last] / MaxRows == index; last++)
                {
                }

                AddRows<TLanes, TVector>(ref Unsafe.Add(ref dp0, (index * g) + r), ref Unsafe.Add(ref dz0, r), order, first, last);
            }
        }

        for (; r < g; r++)                                                  // rows past the last whole block, one by one
        {
            for (int j = 0; TKernel.HasBias && j < rows; j++)
            {
                Unsafe.Add(ref dp0, CellShape<TKernel>.BiasOffset + r) += Unsafe.Add(ref dz0, (j * g) + r);
            }

            foreach (int key in order)
            {
                Unsafe.Add(ref dp0, (key / MaxRows * g) + r) += Unsafe.Add(ref dz0, (key % MaxRows * g) + r);
            }
        }
    }

    // destination's block of BiasBlock vectors += the same block of the chunk's rows: rows first … last − 1 of order (by
    // their row number), or rows first … last − 1 in order when order is empty; the block held in registers meanwhile.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRows<TLanes, TVector>(ref T destination, ref T dz0, ReadOnlySpan<int> order, int first, int last)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        nuint n = (nuint)TLanes.Count, g = (nuint)G;
        TVector b0 = TLanes.Load(ref destination, 0), b1 = TLanes.Load(ref destination, n), b2 = TLanes.Load(ref destination, 2 * n), b3 = TLanes.Load(ref destination, 3 * n);
        TVector b4 = TLanes.Load(ref destination, 4 * n), b5 = TLanes.Load(ref destination, 5 * n), b6 = TLanes.Load(ref destination, 6 * n), b7 = TLanes.Load(ref destination, 7 * n);
        for (int k = first; k < last; k++)
        {
            ref T dz = ref Unsafe.Add(ref dz0, (nuint)(order.IsEmpty ? k : order[k] % MaxRows) * g);
            (b0, b1, b2, b3) = (TLanes.Add(b0, TLanes.Load(ref dz, 0)), TLanes.Add(b1, TLanes.Load(ref dz, n)), TLanes.Add(b2, TLanes.Load(ref dz, 2 * n)), TLanes.Add(b3, TLanes.Load(ref dz, 3 * n)));
            (b4, b5, b6, b7) = (TLanes.Add(b4, TLanes.Load(ref dz, 4 * n)), TLanes.Add(b5, TLanes.Load(ref dz, 5 * n)), TLanes.Add(b6, TLanes.Load(ref dz, 6 * n)), TLanes.Add(b7, TLanes.Load(ref dz, 7 * n)));
        }

        TLanes.Store(b0, ref destination, 0);
        TLanes.Store(b1, ref destination, n);
        TLanes.Store(b2, ref destination, 2 * n);
        TLanes.Store(b3, ref destination, 3 * n);
        TLanes.Store(b4, ref destination, 4 * n);
        TLanes.Store(b5, ref destination, 5 * n);
        TLanes.Store(b6, ref destination, 6 * n);
        TLanes.Store(b7, ref destination, 7 * n);
    }
}
