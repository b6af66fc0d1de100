using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LstmGen.Kernels;

internal static partial class BatchedBackward<TKernel, T>
{
    // Vectors of gate rows per block: the bias gradient's block stays in registers while the rows stream past.
    private const int BiasBlock = 8;

    // db [G] += Σ_j dzx_j (a cell with a bias) and, for one-hot rows, dW[:, index_j] += dzx_j: one pass over the chunk's
    // dz per block of gate rows, db's block in registers, each dz vector loaded once for both. Every element's sum runs
    // over the rows in order, as one add per row (the same values as adding the rows one by one).
    private static void BiasAndOneHotColumns(ReadOnlySpan<T> dzx, int rows, ReadOnlySpan<int> indices, Span<T> dp)
    {
        if (!TKernel.HasBias && indices.IsEmpty)
        {
            return;
        }

        switch (GateGemm<TKernel, T>.Width)
        {
            case 512:
                BiasAndOneHotColumns<Lanes512<T>, Vector512<T>>(dzx, rows, indices, dp);
                break;
            case 256:
                BiasAndOneHotColumns<Lanes256<T>, Vector256<T>>(dzx, rows, indices, dp);
                break;
            default:
                BiasAndOneHotColumns<Lanes128<T>, Vector128<T>>(dzx, rows, indices, dp);
                break;
        }
    }

    private static void BiasAndOneHotColumns<TLanes, TVector>(ReadOnlySpan<T> dzx, int rows, ReadOnlySpan<int> indices, Span<T> dp)
        where TLanes : ILanes<TVector, T>
        where TVector : struct
    {
        int g = G, n = TLanes.Count, r = 0;
        Guard.KernelSpans(dzx.Length >= rows * g && dp.Length >= CellShape<TKernel>.ParameterCount);
        ref T dz0 = ref MemoryMarshal.GetReference(dzx);
        ref T dp0 = ref MemoryMarshal.GetReference(dp);
        ref T db0 = ref Unsafe.Add(ref dp0, TKernel.HasBias ? CellShape<TKernel>.BiasOffset : 0);
        bool oneHot = !indices.IsEmpty;
        for (; r <= g - (BiasBlock * n); r += BiasBlock * n)
        {
            nuint at = (nuint)r, n1 = (nuint)n;
            TVector b0 = TLanes.Zero, b1 = TLanes.Zero, b2 = TLanes.Zero, b3 = TLanes.Zero, b4 = TLanes.Zero, b5 = TLanes.Zero, b6 = TLanes.Zero, b7 = TLanes.Zero;
            if (TKernel.HasBias)
            {
                (b0, b1, b2, b3) = (TLanes.Load(ref db0, at), TLanes.Load(ref db0, at + n1), TLanes.Load(ref db0, at + (2 * n1)), TLanes.Load(ref db0, at + (3 * n1)));
                (b4, b5, b6, b7) = (TLanes.Load(ref db0, at + (4 * n1)), TLanes.Load(ref db0, at + (5 * n1)), TLanes.Load(ref db0, at + (6 * n1)), TLanes.Load(ref db0, at + (7 * n1)));
            }

            for (int j = 0; j < rows; j++)
            {
                ref T dz = ref Unsafe.Add(ref dz0, (nuint)(j * g) + at);
                TVector z0 = TLanes.Load(ref dz, 0), z1 = TLanes.Load(ref dz, n1), z2 = TLanes.Load(ref dz, 2 * n1), z3 = TLanes.Load(ref dz, 3 * n1);
                TVector z4 = TLanes.Load(ref dz, 4 * n1), z5 = TLanes.Load(ref dz, 5 * n1), z6 = TLanes.Load(ref dz, 6 * n1), z7 = TLanes.Load(ref dz, 7 * n1);
                if (TKernel.HasBias)
                {
                    (b0, b1, b2, b3) = (TLanes.Add(b0, z0), TLanes.Add(b1, z1), TLanes.Add(b2, z2), TLanes.Add(b3, z3));
                    (b4, b5, b6, b7) = (TLanes.Add(b4, z4), TLanes.Add(b5, z5), TLanes.Add(b6, z6), TLanes.Add(b7, z7));
                }

                if (oneHot)
                {
                    ref T column = ref Unsafe.Add(ref dp0, (nuint)(indices[j] * g) + at);
                    AddTo<TLanes, TVector>(ref column, 0, z0);
                    AddTo<TLanes, TVector>(ref column, n1, z1);
                    AddTo<TLanes, TVector>(ref column, 2 * n1, z2);
                    AddTo<TLanes, TVector>(ref column, 3 * n1, z3);
                    AddTo<TLanes, TVector>(ref column, 4 * n1, z4);
                    AddTo<TLanes, TVector>(ref column, 5 * n1, z5);
                    AddTo<TLanes, TVector>(ref column, 6 * n1, z6);
                    AddTo<TLanes, TVector>(ref column, 7 * n1, z7);
                }
            }

            if (TKernel.HasBias)
            {
                TLanes.Store(b0, ref db0, at);
                TLanes.Store(b1, ref db0, at + n1);
                TLanes.Store(b2, ref db0, at + (2 * n1));
                TLanes.Store(b3, ref db0, at + (3 * n1));
                TLanes.Store(b4, ref db0, at + (4 * n1));
                TLanes.Store(b5, ref db0, at + (5 * n1));
                TLanes.Store(b6, ref db0, at + (6 * n1));
                TLanes.Store(b7, ref db0, at + (7 * n1));
            }
        }

        for (; r < g; r++)                                                  // rows past the last whole block, one by one
        {
            for (int j = 0; j < rows; j++)
            {
                T dz = Unsafe.Add(ref dz0, (j * g) + r);
                if (TKernel.HasBias)
                {
                    Unsafe.Add(ref db0, r) += dz;
                }

                if (oneHot)
                {
                    Unsafe.Add(ref dp0, (indices[j] * g) + r) += dz;
                }
            }
        }
    }

    // destination[at .. at + n) += value.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTo<TLanes, TVector>(ref T destination, nuint at, TVector value)
        where TLanes : ILanes<TVector, T>
        where TVector : struct => TLanes.Store(TLanes.Add(TLanes.Load(ref destination, at), value), ref destination, at);
}
