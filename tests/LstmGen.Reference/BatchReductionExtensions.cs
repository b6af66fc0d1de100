namespace LstmGen.Reference;

/// <summary>The multiplier each <see cref="BatchReduction"/> applies to summed losses and gradients.</summary>
internal static class BatchReductionExtensions
{
    /// <summary>1 for <see cref="BatchReduction.Sum"/>, <c>1/m</c> for <see cref="BatchReduction.Mean"/>.</summary>
    public static double Factor(this BatchReduction reduction, int batchSize)
    {
        if (batchSize <= 0)
        {
            throw new ArgumentException("The batch is empty.", nameof(batchSize));
        }

        return reduction switch
        {
            BatchReduction.Sum => 1.0,
            BatchReduction.Mean => 1.0 / batchSize,
            _ => throw new ArgumentOutOfRangeException(nameof(reduction)),
        };
    }
}
