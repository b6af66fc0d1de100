using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace LstmGen.Internal;

/// <summary>
/// Scalar activations used by generated cells. Each is finite for every finite input, including
/// inputs near the type's maximum (a naive <c>1 / (1 + exp(-x))</c> overflows to NaN-producing
/// intermediate values in some frameworks for large negative <c>x</c>).
/// </summary>
/// <remarks>For generated code (which lives in the user's assembly, so this type must be public); not API: no compatibility promise.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Activations
{
    /// <summary>Logistic sigmoid <c>1 / (1 + e^-x)</c>, computed without overflow for any <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sigmoid(double x)
    {
        if (x >= 0)
        {
            return 1.0 / (1.0 + Math.Exp(-x));
        }

        // For x < 0, e^-x may overflow; e^x / (1 + e^x) is the same value without it.
        double e = Math.Exp(x);
        return e / (1.0 + e);
    }

    /// <inheritdoc cref="Sigmoid(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float x)
    {
        if (x >= 0f)
        {
            return 1f / (1f + MathF.Exp(-x));
        }

        float e = MathF.Exp(x);
        return e / (1f + e);
    }

    /// <summary>Hyperbolic tangent; saturates to ±1 without overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Tanh(double x) => Math.Tanh(x);

    /// <inheritdoc cref="Tanh(double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Tanh(float x) => MathF.Tanh(x);
}
