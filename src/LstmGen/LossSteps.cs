namespace LstmGen;

/// <summary>Which steps of each sequence a loss is put on.</summary>
public enum LossSteps
{
    /// <summary>Every valid step (many-to-many: a target per step). The default.</summary>
    Every = 0,

    /// <summary>
    /// Each sequence's last valid step only (many-to-one: sequence classification, forecasting): step T − 1, or with
    /// per-sequence lengths step lengths[b] − 1. The other steps add no loss and get zero output gradients; their
    /// targets are not read.
    /// </summary>
    Last = 1,
}
