using System.Numerics;
using System.Runtime.CompilerServices;

namespace LstmGen.Kernels;

/// <summary>
/// The overflow-safe scalar activations of <see cref="Activations"/> for a generic <typeparamref name="T"/>; the type
/// tests are decided by the JIT, so each specialisation calls the double or float function directly.
/// </summary>
internal static class ScalarActivations<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sigmoid(T x) => typeof(T) == typeof(double)
        ? (T)(object)Activations.Sigmoid((double)(object)x)
        : (T)(object)Activations.Sigmoid((float)(object)x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Tanh(T x) => T.Tanh(x);
}
