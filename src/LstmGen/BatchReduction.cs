namespace LstmGen;

/// <summary>How a batched loss combines its m sequences.</summary>
public enum BatchReduction
{
    /// <summary>Loss and gradients are summed over the batch (each sequence weighs 1).</summary>
    Sum = 0,

    /// <summary>Loss and gradients are averaged over the batch (each sequence weighs 1/m): gradients do not grow with m.</summary>
    Mean = 1,
}
