using LstmGen.Models.Tests.Support;

namespace LstmGen.Models.Tests.Seeds;

/// <summary>Central differences over one writable parameter slot of a generated cell (ε and tolerance of <see cref="GradientCheck"/>).</summary>
internal static class SlotDifference
{
    /// <summary><c>(L(θ + ε e) − L(θ − ε e)) / 2ε</c> for the slot <paramref name="slot"/>; the slot is restored afterwards.</summary>
    public static double Central(ref double slot, Func<double> loss)
    {
        double saved = slot;
        slot = saved + GradientCheck.Epsilon;
        double plus = loss();
        slot = saved - GradientCheck.Epsilon;
        double minus = loss();
        slot = saved;
        return (plus - minus) / (2 * GradientCheck.Epsilon);
    }

    /// <summary>Uniform draws in [−scale, scale] into every slot of <paramref name="values"/>.</summary>
    public static void Fill(Span<double> values, Random random, double scale)
    {
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = scale * ((2 * random.NextDouble()) - 1);
        }
    }
}
