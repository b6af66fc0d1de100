namespace LstmGen.Reference;

/// <summary>Batches of independent sequences for <see cref="ReferenceGru"/>.</summary>
public sealed partial class ReferenceGru
{
    /// <summary>
    /// Batch loss over independent sequences: <c>Σ_s L_s</c> (Sum) or <c>(1/m) Σ_s L_s</c> (Mean).
    /// Every sample's <see cref="SequenceSample.C0"/> must be null.
    /// </summary>
    public double BatchLoss(IReadOnlyList<SequenceSample> batch, BatchReduction reduction)
    {
        double sum = 0;
        foreach (SequenceSample sample in batch)
        {
            RequireNoCellState(sample);
            sum += Loss(sample.Inputs, sample.Targets, sample.H0);
        }

        return sum * reduction.Factor(batch.Count);
    }

    /// <summary>
    /// Runs <see cref="Backward"/> on every sequence and sums the losses and parameter gradients (in batch order),
    /// then for <see cref="BatchReduction.Mean"/> multiplies everything by <c>1/m</c>.
    /// Every sample's <see cref="SequenceSample.C0"/> must be null.
    /// </summary>
    public GruBatchGradients BatchBackward(IReadOnlyList<SequenceSample> batch, BatchReduction reduction)
    {
        double factor = reduction.Factor(batch.Count);
        GruParameterGradients sum = GruParameterGradients.Zeros(this);
        double loss = 0;
        var samples = new List<GruGradients>(batch.Count);
        foreach (SequenceSample sample in batch)
        {
            RequireNoCellState(sample);
            GruGradients g = Backward(sample.Inputs, sample.Targets, sample.H0);
            sum = sum.Add(g.Parameters);
            loss += g.Loss;
            samples.Add(reduction == BatchReduction.Sum ? g : g.Scale(factor));
        }

        GruParameterGradients parameters = reduction == BatchReduction.Sum ? sum : sum.Scale(factor);
        return new GruBatchGradients(reduction, loss * factor, parameters, samples);
    }

    private static void RequireNoCellState(SequenceSample sample)
    {
        if (sample.C0 is not null)
        {
            throw new ArgumentException("A GRU has no cell state; SequenceSample.C0 must be null.", nameof(sample));
        }
    }
}
