namespace LstmGen.Demo.Forecasting;

/// <summary>
/// Seeded randomness as a pure function (SplitMix64's finaliser over the seed, the step and a lane), so a step's batch
/// and dropout mask depend on nothing but the seed and the step: a resumed run continues exactly as the uninterrupted one.
/// </summary>
internal static class ForecastHash
{
    /// <summary>A well-mixed 64-bit value of (<paramref name="seed"/>, <paramref name="step"/>, <paramref name="lane"/>).</summary>
    public static ulong Of(int seed, long step, int lane)
    {
        ulong z = Mix(((ulong)(uint)seed << 32) ^ (ulong)(uint)lane) ^ Mix((ulong)step + 0x9E3779B97F4A7C15UL);
        return Mix(z);
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
