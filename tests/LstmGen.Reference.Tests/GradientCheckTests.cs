namespace LstmGen.Reference.Tests;

/// <summary>
/// Every analytic gradient entry (parameters, each x_t, h0 and c0) against central finite differences of the
/// batch loss, ε = 1e-5, tolerance <see cref="Close.GradientTolerance"/> (see there for why 1e-7 is safe).
/// </summary>
public sealed class GradientCheckTests
{
    public static TheoryData<LossKind, int, BatchReduction> Cases()
    {
        var data = new TheoryData<LossKind, int, BatchReduction>();
        foreach (LossKind loss in Enum.GetValues<LossKind>())
        {
            foreach (int steps in new[] { 1, 4 })
            {
                foreach (BatchReduction reduction in Enum.GetValues<BatchReduction>())
                {
                    data.Add(loss, steps, reduction);
                }
            }
        }

        return data;
    }

    private static int Seed(LossKind loss, int steps, BatchReduction reduction, int cell) =>
        1000 * cell + 100 * (int)loss + 10 * steps + (int)reduction;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lstm_gradients_match_finite_differences(LossKind loss, int steps, BatchReduction reduction)
    {
        var init = new ReferenceInit(Seed(loss, steps, reduction, cell: 1));
        ReferenceLstm cell = init.NextLstm(TestData.InputSize, TestData.HiddenSize, TestData.OutputSize(loss));
        SequenceSample[] batch = TestData.Batch(init, loss, steps, withCellState: true);
        LstmBatchGradients analytic = cell.BatchBackward(batch, reduction);

        Assert.Equal(cell.BatchLoss(batch, reduction), analytic.Loss, 1e-14);

        double[] parameters = FiniteDifference.Gradient(
            theta => FlatParameters.ToLstm(theta, cell).BatchLoss(batch, reduction), FlatParameters.Flatten(cell));
        AssertChecked(FlatParameters.Flatten(analytic.Parameters), parameters, "θ");

        for (int s = 0; s < batch.Length; s++)
        {
            SequenceSample sample = batch[s];
            int index = s;
            double[] dx = FiniteDifference.Gradient(
                v => cell.BatchLoss(TestData.With(batch, index, sample with { Inputs = FlatParameters.ToSequence(v, steps, TestData.InputSize) }), reduction),
                FlatParameters.Flatten(sample.Inputs));
            double[] dh0 = FiniteDifference.Gradient(
                v => cell.BatchLoss(TestData.With(batch, index, sample with { H0 = TestData.ToVector(v) }), reduction),
                [.. sample.H0!]);
            double[] dc0 = FiniteDifference.Gradient(
                v => cell.BatchLoss(TestData.With(batch, index, sample with { C0 = TestData.ToVector(v) }), reduction),
                [.. sample.C0!]);

            AssertChecked(FlatParameters.Flatten(analytic.Samples[s].DX), dx, $"dx[s={s}]");
            AssertChecked([.. analytic.Samples[s].DH0], dh0, $"dh0[s={s}]");
            AssertChecked([.. analytic.Samples[s].DC0], dc0, $"dc0[s={s}]");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rnn_gradients_match_finite_differences(LossKind loss, int steps, BatchReduction reduction)
    {
        var init = new ReferenceInit(Seed(loss, steps, reduction, cell: 2));
        ReferenceRnn cell = init.NextRnn(TestData.InputSize, TestData.HiddenSize, TestData.OutputSize(loss));
        SequenceSample[] batch = TestData.Batch(init, loss, steps, withCellState: false);
        RnnBatchGradients analytic = cell.BatchBackward(batch, reduction);

        Assert.Equal(cell.BatchLoss(batch, reduction), analytic.Loss, 1e-14);

        double[] parameters = FiniteDifference.Gradient(
            theta => FlatParameters.ToRnn(theta, cell).BatchLoss(batch, reduction), FlatParameters.Flatten(cell));
        AssertChecked(FlatParameters.Flatten(analytic.Parameters), parameters, "θ");

        for (int s = 0; s < batch.Length; s++)
        {
            SequenceSample sample = batch[s];
            int index = s;
            double[] dx = FiniteDifference.Gradient(
                v => cell.BatchLoss(TestData.With(batch, index, sample with { Inputs = FlatParameters.ToSequence(v, steps, TestData.InputSize) }), reduction),
                FlatParameters.Flatten(sample.Inputs));
            double[] dh0 = FiniteDifference.Gradient(
                v => cell.BatchLoss(TestData.With(batch, index, sample with { H0 = TestData.ToVector(v) }), reduction),
                [.. sample.H0!]);

            AssertChecked(FlatParameters.Flatten(analytic.Samples[s].DX), dx, $"dx[s={s}]");
            AssertChecked([.. analytic.Samples[s].DH0], dh0, $"dh0[s={s}]");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gru_gradients_match_finite_differences(LossKind loss, int steps, BatchReduction reduction)
    {
        var init = new ReferenceInit(Seed(loss, steps, reduction, cell: 3));
        ReferenceGru cell = init.NextGru(TestData.InputSize, TestData.HiddenSize, TestData.OutputSize(loss));
        SequenceSample[] batch = TestData.Batch(init, loss, steps, withCellState: false);
        GruBatchGradients analytic = cell.BatchBackward(batch, reduction);

        Assert.Equal(cell.BatchLoss(batch, reduction), analytic.Loss, 1e-14);

        // θ covers W, U, b per gate r, z, n (b_r, b_z summed, b_in), then b_hn, then the head.
        double[] parameters = FiniteDifference.Gradient(
            theta => FlatParameters.ToGru(theta, cell).BatchLoss(batch, reduction), FlatParameters.Flatten(cell));
        AssertChecked(FlatParameters.Flatten(analytic.Parameters), parameters, "θ");
        Close.AssertNotAllTiny([.. analytic.Parameters.DBhn], "db_hn");
        Close.AssertNotAllTiny([.. analytic.Parameters.DB[ReferenceGruGate.New]], "db_in");

        for (int s = 0; s < batch.Length; s++)
        {
            SequenceSample sample = batch[s];
            int index = s;
            double[] dx = FiniteDifference.Gradient(
                v => cell.BatchLoss(TestData.With(batch, index, sample with { Inputs = FlatParameters.ToSequence(v, steps, TestData.InputSize) }), reduction),
                FlatParameters.Flatten(sample.Inputs));
            double[] dh0 = FiniteDifference.Gradient(
                v => cell.BatchLoss(TestData.With(batch, index, sample with { H0 = TestData.ToVector(v) }), reduction),
                [.. sample.H0!]);

            AssertChecked(FlatParameters.Flatten(analytic.Samples[s].DX), dx, $"dx[s={s}]");
            AssertChecked([.. analytic.Samples[s].DH0], dh0, $"dh0[s={s}]");
        }
    }

    private static void AssertChecked(double[] analytic, double[] numeric, string label)
    {
        Close.AssertNotAllTiny(numeric, label);
        Close.AssertGradient(analytic, numeric, label);
    }
}
