namespace LstmGen.Onnx.Tests.Support;

/// <summary>Seeded uniform values, so that every run tests the same numbers.</summary>
internal static class Seeded
{
    public static double[] Uniform(int seed, int count, double limit)
    {
        var random = new Random(seed);
        double[] values = new double[count];
        for (int k = 0; k < count; k++)
        {
            values[k] = ((2 * random.NextDouble()) - 1) * limit;
        }

        return values;
    }
}
