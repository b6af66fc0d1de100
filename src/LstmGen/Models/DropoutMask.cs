using System.Numerics;

namespace LstmGen.Models;

/// <summary>
/// Inverted dropout between the layers of a model in training, with masks that are a pure function of
/// (seed, layer k, step t, sequence b, unit j): one seed gives one mask on every machine and thread count, and the
/// backward pass recomputes it instead of storing it.
/// </summary>
/// <remarks>
/// <para>u ∈ [0, 1) is a SplitMix64-style counter hash, with γ = 0x9E3779B97F4A7C15 and mix(z) SplitMix64's finaliser
/// (z ^= z &gt;&gt; 30; z *= 0xBF58476D1CE4E5B9; z ^= z &gt;&gt; 27; z *= 0x94D049BB133111EB; z ^= z &gt;&gt; 31), all in
/// wrapping 64-bit arithmetic: a = mix(seed + γ), then a = mix(a + γ·(v + 1)) for v = k, t, b, j in turn, and
/// u = (a &gt;&gt; 11)·2⁻⁵³.</para>
/// <para>mask = 1/(1 − p) (rounded to the scalar type) where u ≥ p, else 0; so each value is zeroed with
/// probability p and the mask's mean is 1.</para>
/// </remarks>
internal static class DropoutMask
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    /// <summary>u ∈ [0, 1) for (seed, layer, step, sequence, unit), as the remarks define it.</summary>
    public static double Uniform(ulong seed, int layer, int step, int sequence, int unit) =>
        ToUnit(Absorb(Row(seed, layer, step, sequence), unit));

    /// <summary>
    /// Multiplies rows [T × m × width] (time-major) by layer <paramref name="layer"/>'s mask of
    /// <paramref name="seed"/> and <paramref name="probability"/>; forward on the outputs, backward on their gradients.
    /// Row b is sequence <paramref name="firstSequence"/> + b of the mask (a shard of a data-parallel batch passes its
    /// first sample, so that its masks are the whole batch's).
    /// </summary>
    public static void Apply<T>(Span<T> rows, ulong seed, int layer, int steps, int batchSize, int width, double probability, int firstSequence = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T scale = T.CreateTruncating(1.0 / (1.0 - probability));
        for (int t = 0; t < steps; t++)
        {
            for (int b = 0; b < batchSize; b++)
            {
                ulong row = Row(seed, layer, t, firstSequence + b);
                Span<T> values = rows.Slice(((t * batchSize) + b) * width, width);
                for (int j = 0; j < width; j++)
                {
                    values[j] = ToUnit(Absorb(row, j)) >= probability ? values[j] * scale : T.Zero;
                }
            }
        }
    }

    private static ulong Row(ulong seed, int layer, int step, int sequence) =>
        Absorb(Absorb(Absorb(Mix(seed + Gamma), layer), step), sequence);

    private static ulong Absorb(ulong state, int value) => Mix(state + (Gamma * ((ulong)value + 1)));

    private static double ToUnit(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
