namespace LstmGen.Benchmarks;

/// <summary><c>--probe-e</c>: config E against B (per timestep, Stopwatch minima), the ratio issue 14 targets (≤ 2.2).</summary>
internal static partial class Probe
{
    public static void RunE()
    {
        var config = new ConfigE();
        config.Setup();
        for (int round = 0; round < 3; round++)
        {
            double e = Best(Data.Steps, () => config.TwoLayerBptt()), b = Best(Data.Steps, () => config.OneLayerBptt());
            Console.WriteLine($"E {e,10:N1} ns   B {b,10:N1} ns   E / B = {e / b:F2}");
        }
    }
}
