using System.Globalization;

namespace LstmGen.Demo.WorkedExample;

/// <summary>A number exactly as a seed notebook printed it, with where it was printed.</summary>
/// <param name="Printed">The printed text, e.g. <c>-0.04742407</c>.</param>
/// <param name="Source">Seed and cell, e.g. <c>001 In[159]</c>.</param>
public sealed record SeedNumber(string Printed, string Source)
{
    /// <summary>The printed value.</summary>
    public double Value => double.Parse(Printed, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Decimal places shown in the print.</summary>
    public int Decimals => Printed.Contains('.', StringComparison.Ordinal) ? Printed.Length - Printed.IndexOf('.', StringComparison.Ordinal) - 1 : 0;

    /// <summary>
    /// Whether <paramref name="value"/> agrees with the print to every printed digit: it is within half a
    /// unit of the last printed decimal (plus 1e-15 relative for the last bit of a 17-digit print).
    /// </summary>
    /// <remarks>NumPy prints an exact integer as <c>0.</c> or <c>-0.</c>; such a print must match exactly.</remarks>
    public bool Matches(double value) => Printed.EndsWith('.')
        ? value == Value
        : Math.Abs(value - Value) <= (0.5 * Math.Pow(10, -Decimals)) + (1e-15 * Math.Abs(Value));
}
