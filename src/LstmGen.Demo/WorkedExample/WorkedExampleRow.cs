namespace LstmGen.Demo.WorkedExample;

/// <summary>One line of the worked-example table: a value computed by the generated cell beside the seed's print.</summary>
/// <param name="Section">Group heading, e.g. "Forward, t = 0".</param>
/// <param name="Quantity">What the value is, in LstmGen's names with the seed's name in brackets.</param>
/// <param name="Ours">The value computed by the generated cell.</param>
/// <param name="Seed">The seed's printed value.</param>
public sealed record WorkedExampleRow(string Section, string Quantity, double Ours, SeedNumber Seed)
{
    /// <summary>Whether our value reproduces every printed digit of the seed's.</summary>
    public bool Matches => Seed.Matches(Ours);
}
