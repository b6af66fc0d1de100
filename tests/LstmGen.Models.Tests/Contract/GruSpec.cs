using System.Numerics;
using LstmGen.Internal;

namespace LstmGen.Models.Tests.Contract;

/// <summary>
/// The GRU step of docs/architecture.md ("The GRU: the one definition every strategy implements") transcribed
/// operation by operation, over <see cref="CellLayout"/>'s index functions (not the kernels' offsets): zx = b, then
/// + W[row, k]·x[k] for k = 0, 1, …; zh = U[row, 0]·h[0], then + U[row, k]·h[k]; the element-wise update and the
/// backward in the spec's order. The loop kernel must match it bit for bit (the unrolled GRU is compared against the
/// loop kernel); this is the test-side statement of that order, not a copy of the kernel's output.
/// </summary>
internal static class GruSpec<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>x [D] (or the one-hot <paramref name="index"/> ≥ 0), h [H] → next [H], cache [5H] = [h_prev | r | z | n | hn].</summary>
    public static (T[] Next, T[] Cache) Forward(CellLayout layout, T[] p, T[] x, int index, T[] hPrev)
    {
        int d = layout.InputSize, h = layout.HiddenSize, g = layout.GateRows;
        T[] zx = new T[g], zh = new T[g];
        for (int row = 0; row < g; row++)
        {
            T sx = p[layout.BiasIndex(row)];
            if (index >= 0)
            {
                sx += p[layout.InputWeightIndex(row, index)];
            }
            else
            {
                for (int k = 0; k < d; k++)
                {
                    sx += p[layout.InputWeightIndex(row, k)] * x[k];
                }
            }

            T sh = p[layout.RecurrentWeightIndex(row, 0)] * hPrev[0];
            for (int k = 1; k < h; k++)
            {
                sh += p[layout.RecurrentWeightIndex(row, k)] * hPrev[k];
            }

            (zx[row], zh[row]) = (sx, sh);
        }

        T[] next = new T[h], cache = new T[5 * h];
        for (int j = 0; j < h; j++)
        {
            T r = Sigmoid(zx[j] + zh[j]);
            T z = Sigmoid(zx[h + j] + zh[h + j]);
            T hn = zh[(2 * h) + j] + p[layout.RecurrentBiasIndex(j)];
            T n = T.Tanh(zx[(2 * h) + j] + (r * hn));
            next[j] = ((T.One - z) * n) + (z * hPrev[j]);
            (cache[j], cache[h + j], cache[(2 * h) + j], cache[(3 * h) + j], cache[(4 * h) + j]) = (hPrev[j], r, z, n, hn);
        }

        return (next, cache);
    }

    /// <summary>dh' [H] → dh_prev [H], dx [D] (empty for one-hot); dp += ∂L/∂θ (dp is updated in place).</summary>
    public static (T[] DhPrev, T[] Dx) Backward(CellLayout layout, T[] p, T[] x, int index, T[] cache, T[] dh, T[] dp)
    {
        int d = layout.InputSize, h = layout.HiddenSize, g = layout.GateRows;
        T[] dzx = new T[g], dzh = new T[g];
        for (int j = 0; j < h; j++)
        {
            T hp = cache[j], r = cache[h + j], z = cache[(2 * h) + j], n = cache[(3 * h) + j], hn = cache[(4 * h) + j];
            T dn = dh[j] * (T.One - z);
            T dz = dh[j] * (hp - n);
            T dan = dn * (T.One - (n * n));
            T dhn = dan * r;
            T dr = dan * hn;
            T dar = (dr * r) * (T.One - r), daz = (dz * z) * (T.One - z);
            (dzx[j], dzx[h + j], dzx[(2 * h) + j]) = (dar, daz, dan);
            (dzh[j], dzh[h + j], dzh[(2 * h) + j]) = (dar, daz, dhn);
            dp[layout.RecurrentBiasIndex(j)] += dhn;
        }

        T[] dx = new T[index >= 0 ? 0 : d];
        for (int row = 0; row < g; row++)
        {
            dp[layout.BiasIndex(row)] += dzx[row];
            if (index >= 0)
            {
                dp[layout.InputWeightIndex(row, index)] += dzx[row];
            }
            else
            {
                for (int k = 0; k < d; k++)
                {
                    dp[layout.InputWeightIndex(row, k)] += x[k] * dzx[row];
                }
            }

            for (int k = 0; k < h; k++)
            {
                dp[layout.RecurrentWeightIndex(row, k)] += cache[k] * dzh[row];
            }
        }

        for (int k = 0; k < dx.Length; k++)
        {
            T sum = T.Zero;
            for (int row = 0; row < g; row++)
            {
                sum += p[layout.InputWeightIndex(row, k)] * dzx[row];
            }

            dx[k] = sum;
        }

        T[] dhPrev = new T[h];
        for (int k = 0; k < h; k++)
        {
            T sum = T.Zero;
            for (int row = 0; row < g; row++)
            {
                sum += p[layout.RecurrentWeightIndex(row, k)] * dzh[row];
            }

            dhPrev[k] = sum + (dh[k] * cache[(2 * h) + k]);
        }

        return (dhPrev, dx);
    }

    private static T Sigmoid(T x) => typeof(T) == typeof(double)
        ? T.CreateTruncating(Activations.Sigmoid(double.CreateTruncating(x)))
        : T.CreateTruncating(Activations.Sigmoid(float.CreateTruncating(x)));
}
