namespace LstmGen.Reference;

/// <summary>Batches of independent sequences for <see cref="ReferenceLstm"/>.</summary>
public sealed partial class ReferenceLstm
{
    /// <summary>
    /// Batch loss over independent sequences: <c>Σ_s L_s</c> (Sum) or <c>(1/m) Σ_s L_s</c> (Mean).
    /// </summary>
    public double BatchLoss(IReadOnlyList<SequenceSample> batch, BatchReduction reduction)
    {
        double sum = 0;
        foreach (SequenceSample sample in batch)
        {
            sum += Loss(sample.Inputs, sample.Targets, sample.H0, sample.C0);
        }

        return sum * reduction.Factor(batch.Count);
    }

    /// <summary>
    /// Runs <see cref="Backward"/> on every sequence and sums the losses and parameter gradients (in batch order),
    /// then for <see cref="BatchReduction.Mean"/> multiplies everything by <c>1/m</c>.
    /// </summary>
    public LstmBatchGradients BatchBackward(IReadOnlyList<SequenceSample> batch, BatchReduction reduction)
    {
        double factor = reduction.Factor(batch.Count);
        LstmParameterGradients sum = LstmParameterGradients.Zeros(this);
        double loss = 0;
        var samples = new List<LstmGradients>(batch.Count);
        foreach (SequenceSample sample in batch)
        {
            LstmGradients g = Backward(sample.Inputs, sample.Targets, sample.H0, sample.C0);
            sum = sum.Add(g.Parameters);
            loss += g.Loss;
            samples.Add(reduction == BatchReduction.Sum ? g : g.Scale(factor));
        }

        LstmParameterGradients parameters = reduction == BatchReduction.Sum ? sum : sum.Scale(factor);
        return new LstmBatchGradients(reduction, loss * factor, parameters, samples);
    }
}
