using System.Numerics;
using System.Runtime.Intrinsics;

namespace LstmGen.Kernels;

/// <summary>
/// σ, tanh and e^y (y ≤ 0) over spans of float or double at the widest vector width the CPU accelerates
/// (<see cref="VectorActivations{TLanes, TVector, T}"/>), or element by element with the scalar
/// <see cref="Activations"/> where no vector is accelerated.
/// </summary>
internal static class VectorActivations
{
    /// <summary>σ(x) into <paramref name="destination"/> (at least as long; may be x itself). <typeparamref name="T"/> is float or double.</summary>
    public static void Sigmoid<T>(ReadOnlySpan<T> x, Span<T> destination)
        where T : unmanaged => Apply<T, SigmoidOperation>(x, destination);

    /// <summary>tanh(x) into <paramref name="destination"/>, as <see cref="Sigmoid{T}"/>.</summary>
    public static void Tanh<T>(ReadOnlySpan<T> x, Span<T> destination)
        where T : unmanaged => Apply<T, TanhOperation>(x, destination);

    /// <summary>e^y into <paramref name="destination"/> for y ≤ 0 (a softmax's shifted logits), as <see cref="Sigmoid{T}"/>.</summary>
    public static void ExpNonPositive<T>(ReadOnlySpan<T> y, Span<T> destination)
        where T : unmanaged => Apply<T, ExpOperation>(y, destination);

    /// <summary>
    /// The LSTM's element-wise forward over H = c_prev.Length units (VectorActivations' <c>Lstm</c>): z [4H] activated
    /// in place, c, tanhC and hNext [H] written. Without vectors, the same expressions with <see cref="Activations"/>.
    /// </summary>
    public static void Lstm<T>(ReadOnlySpan<T> cPrev, Span<T> z, Span<T> c, Span<T> tanhC, Span<T> hNext)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Vector512.IsHardwareAccelerated)
        {
            VectorActivations<Lanes512<T>, Vector512<T>, T>.Lstm(cPrev, z, c, tanhC, hNext);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            VectorActivations<Lanes256<T>, Vector256<T>, T>.Lstm(cPrev, z, c, tanhC, hNext);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            VectorActivations<Lanes128<T>, Vector128<T>, T>.Lstm(cPrev, z, c, tanhC, hNext);
        }
        else
        {
            int h = cPrev.Length;
            Span<T> i = z[..h], f = z.Slice(h, h), g = z.Slice(2 * h, h), o = z.Slice(3 * h, h);
            Sigmoid<T>(i, i);
            Sigmoid<T>(f, f);
            Tanh<T>(g, g);
            Sigmoid<T>(o, o);
            for (int j = 0; j < h; j++)
            {
                T cj = (f[j] * cPrev[j]) + (i[j] * g[j]);
                c[j] = cj;
            }

            Tanh<T>(c[..h], tanhC);
            for (int j = 0; j < h; j++)
            {
                hNext[j] = o[j] * tanhC[j];
            }
        }
    }

    private static void Apply<T, TOperation>(ReadOnlySpan<T> x, Span<T> destination)
        where T : unmanaged
        where TOperation : IOperation
    {
        if (Vector512.IsHardwareAccelerated)
        {
            TOperation.Apply<Lanes512<T>, Vector512<T>, T>(x, destination);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            TOperation.Apply<Lanes256<T>, Vector256<T>, T>(x, destination);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            TOperation.Apply<Lanes128<T>, Vector128<T>, T>(x, destination);
        }
        else
        {
            for (int j = 0; j < x.Length; j++)
            {
                destination[j] = typeof(T) == typeof(double)
                    ? (T)(object)TOperation.Scalar((double)(object)x[j])
                    : (T)(object)TOperation.Scalar((float)(object)x[j]);
            }
        }
    }

    private interface IOperation
    {
        static abstract void Apply<TLanes, TVector, T>(ReadOnlySpan<T> x, Span<T> destination)
            where TLanes : IMathLanes<TVector, T>
            where TVector : struct
            where T : unmanaged;

        static abstract double Scalar(double x);

        static abstract float Scalar(float x);
    }

    private readonly struct SigmoidOperation : IOperation
    {
        public static void Apply<TLanes, TVector, T>(ReadOnlySpan<T> x, Span<T> destination)
            where TLanes : IMathLanes<TVector, T>
            where TVector : struct
            where T : unmanaged => VectorActivations<TLanes, TVector, T>.Sigmoid(x, destination);

        public static double Scalar(double x) => Activations.Sigmoid(x);

        public static float Scalar(float x) => Activations.Sigmoid(x);
    }

    private readonly struct TanhOperation : IOperation
    {
        public static void Apply<TLanes, TVector, T>(ReadOnlySpan<T> x, Span<T> destination)
            where TLanes : IMathLanes<TVector, T>
            where TVector : struct
            where T : unmanaged => VectorActivations<TLanes, TVector, T>.Tanh(x, destination);

        public static double Scalar(double x) => Activations.Tanh(x);

        public static float Scalar(float x) => Activations.Tanh(x);
    }

    private readonly struct ExpOperation : IOperation
    {
        public static void Apply<TLanes, TVector, T>(ReadOnlySpan<T> x, Span<T> destination)
            where TLanes : IMathLanes<TVector, T>
            where TVector : struct
            where T : unmanaged => VectorActivations<TLanes, TVector, T>.ExpNonPositive(x, destination);

        public static double Scalar(double x) => Math.Exp(x);

        public static float Scalar(float x) => MathF.Exp(x);
    }
}
