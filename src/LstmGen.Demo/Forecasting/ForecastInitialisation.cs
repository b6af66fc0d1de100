using LstmGen.Models;

namespace LstmGen.Demo.Forecasting;

/// <summary>PyTorch's default initialisation of a model: every recurrent parameter of layer k uniform in ±1/√H_k, the linear head's in ±1/√W.</summary>
internal static class ForecastInitialisation
{
    /// <summary>Fills <paramref name="parameters"/> (laid out as <paramref name="layout"/>) from <paramref name="random"/>.</summary>
    public static void Fill(ModelLayout layout, Span<float> parameters, Random random)
    {
        for (int k = 0; k < layout.Cells.Count; k++)
        {
            for (int d = 0; d < layout.Directions[k]; d++)
            {
                Uniform(parameters.Slice(layout.ParameterOffset(k, d), layout.Cells[k].ParameterCount), 1 / Math.Sqrt(layout.Cells[k].HiddenSize), random);
            }
        }

        Uniform(parameters[layout.HeadWeightOffset..], 1 / Math.Sqrt(layout.HeadInputSize), random);
    }

    private static void Uniform(Span<float> values, double bound, Random random)
    {
        foreach (ref float value in values)
        {
            value = (float)(((random.NextDouble() * 2) - 1) * bound);
        }
    }
}
