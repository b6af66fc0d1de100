namespace LstmGen.Kernels;

/// <summary>
/// Per-sequence lengths of a padded time-major batch (the semantics of PyTorch's <c>pack_padded_sequence</c>): sequence
/// b has lengths[b] valid steps, 1 ≤ lengths[b] ≤ T; step t of it is padding when t ≥ lengths[b]. Empty lengths mean
/// every sequence has all T steps. Padding is never read: these checks skip it too.
/// </summary>
internal static class SequenceLengths
{
    /// <summary>Checks that <paramref name="lengths"/> is empty or holds m values, each in [1, T].</summary>
    /// <exception cref="ArgumentException">The count is not m.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A length is outside [1, T].</exception>
    public static void Check(ReadOnlySpan<int> lengths, int batchSize, int steps, string parameterName)
    {
        if (lengths.IsEmpty)
        {
            return;
        }

        if (lengths.Length != batchSize)
        {
            throw new ArgumentException(
                $"Expected the sequence lengths to hold one length per sequence (m = {batchSize}) or be empty, but it has {lengths.Length}.", parameterName);
        }

        for (int b = 0; b < lengths.Length; b++)
        {
            if (lengths[b] < 1 || lengths[b] > steps)
            {
                throw new ArgumentOutOfRangeException(
                    parameterName, lengths[b], $"Expected every sequence length in [1, T] = [1, {steps}], but the length of sequence {b} is {lengths[b]}.");
            }
        }
    }

    /// <summary>Whether step t of sequence b is a valid (not padded) step.</summary>
    public static bool IsValid(ReadOnlySpan<int> lengths, int b, int t) => lengths.IsEmpty || t < lengths[b];

    /// <summary>Whether sequences b … b+3 all have step t (a SIMD group of 4 may run it together).</summary>
    public static bool GroupIsValid(ReadOnlySpan<int> lengths, int b, int t) =>
        lengths.IsEmpty || (t < lengths[b] && t < lengths[b + 1] && t < lengths[b + 2] && t < lengths[b + 3]);

    /// <summary>Whether step t of sequence b carries a loss under <paramref name="lossSteps"/> (T = <paramref name="steps"/>).</summary>
    public static bool HasLoss(ReadOnlySpan<int> lengths, LossSteps lossSteps, int steps, int b, int t)
    {
        int length = lengths.IsEmpty ? steps : lengths[b];
        return lossSteps == LossSteps.Every ? t < length : t == length - 1;
    }

    /// <summary>Checks <paramref name="lossSteps"/> is a defined value.</summary>
    public static void CheckLossSteps(LossSteps lossSteps, string parameterName)
    {
        if (lossSteps is not (LossSteps.Every or LossSteps.Last))
        {
            throw new ArgumentOutOfRangeException(parameterName, lossSteps, "Expected LossSteps.Every or LossSteps.Last.");
        }
    }

    /// <summary><see cref="Guard.Indices"/> over the valid steps only (time-major, m = <paramref name="batchSize"/>).</summary>
    public static void Indices(ReadOnlySpan<int> indices, int batchSize, ReadOnlySpan<int> lengths, int count, string what, string parameterName)
    {
        for (int k = 0; k < indices.Length; k++)
        {
            if (IsValid(lengths, k % batchSize, k / batchSize) && (uint)indices[k] >= (uint)count)
            {
                throw new ArgumentOutOfRangeException(
                    parameterName, indices[k], $"Expected every one of {what} at a valid step in [0, {count}), but element {k} is {indices[k]}.");
            }
        }
    }

    /// <summary>Target classes in [0, V) at the steps that carry a loss; the others are not read.</summary>
    public static void Classes(ReadOnlySpan<int> classes, int batchSize, ReadOnlySpan<int> lengths, LossSteps lossSteps, int count, string what, string parameterName)
    {
        int steps = classes.Length / batchSize;
        for (int k = 0; k < classes.Length; k++)
        {
            if (HasLoss(lengths, lossSteps, steps, k % batchSize, k / batchSize) && (uint)classes[k] >= (uint)count)
            {
                throw new ArgumentOutOfRangeException(
                    parameterName, classes[k], $"Expected every one of {what} at a step with a loss in [0, {count}), but element {k} is {classes[k]}.");
            }
        }
    }

    /// <summary>Target distributions (rows of V values) at the steps that carry a loss; the others are not read.</summary>
    public static void Distributions<T>(ReadOnlySpan<T> values, int classes, int batchSize, ReadOnlySpan<int> lengths, LossSteps lossSteps, string what, string parameterName)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        if (lengths.IsEmpty && lossSteps == LossSteps.Every)
        {
            Guard.Distributions(values, classes, what, parameterName);
            return;
        }

        int rows = values.Length / classes, steps = rows / batchSize;
        for (int k = 0; k < rows; k++)
        {
            if (!HasLoss(lengths, lossSteps, steps, k % batchSize, k / batchSize))
            {
                continue;
            }

            try
            {
                Guard.Distributions(values.Slice(k * classes, classes), classes, what, parameterName);
            }
            catch (ArgumentException e)
            {
                // The message's target number is within the one row checked: name the row of the whole buffer.
                throw new ArgumentException($"Row {k} (t = {k / batchSize}, b = {k % batchSize}): {e.Message}", parameterName, e);
            }
        }
    }
}
