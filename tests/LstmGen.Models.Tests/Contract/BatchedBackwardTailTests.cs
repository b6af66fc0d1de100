using LstmGen.TestCells;

namespace LstmGen.Models.Tests.Contract;

/// <summary>
/// The batched BPTT of the SIMD kernels (weight gradients hoisted out of the reverse loop as GEMMs: BatchedBackward and
/// GateGemm) against the kernels' own single backward steps (the column passes of SimdGateMatrix, another
/// implementation), over the tails of every tile: batch sizes m = 1, 3, 31 and 33 (the 4-row tiles of the transposed
/// product and their remainders), hidden sizes H = 1, 7, 33 and 129 (gate rows against 2-, 4-, 8- and 16-lane vectors,
/// the 4-column tiles' clamped last tile, the rank update's narrower blocks and scalar rows), every kind, both precisions,
/// dense inputs with and without dx and one-hot inputs. Within 1e-12 relative in double and 1e-5 normwise in float (the
/// issue's bound; why normwise: SimdBatchAndHeadTests): the sums run in another order. The forward stays bit for bit (checked on the way).
/// </summary>
public sealed class BatchedBackwardTailTests
{
    public static TheoryData<int> Batches => [1, 3, 31, 33];

    [Theory]
    [MemberData(nameof(Batches))]
    public void Lstm_batched_bptt_agrees_with_the_single_steps(int m)
    {
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Lstm1x1DoubleSimd.Kernel, double>(m, seed: 101);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Lstm1x1FloatSimd.Kernel, float>(m, seed: 102);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Lstm3x7DoubleSimd.Kernel, double>(m, seed: 103);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Lstm3x7FloatSimd.Kernel, float>(m, seed: 104);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Lstm5x33Head10DoubleSimd.Kernel, double>(m, seed: 105);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Lstm5x33Head10FloatSimd.Kernel, float>(m, seed: 106);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Lstm10x129DoubleSimd.Kernel, double>(m, seed: 107);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Lstm10x129FloatSimd.Kernel, float>(m, seed: 108);
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void Gru_batched_bptt_agrees_with_the_single_steps(int m)
    {
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Gru1x1DoubleSimd.Kernel, double>(m, seed: 111);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Gru1x1FloatSimd.Kernel, float>(m, seed: 112);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Gru3x7DoubleSimd.Kernel, double>(m, seed: 113);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Gru3x7FloatSimd.Kernel, float>(m, seed: 114);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Gru5x33Head10DoubleSimd.Kernel, double>(m, seed: 115);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Gru5x33Head10FloatSimd.Kernel, float>(m, seed: 116);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Gru10x129DoubleSimd.Kernel, double>(m, seed: 117);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Gru10x129FloatSimd.Kernel, float>(m, seed: 118);
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void Rnn_batched_bptt_agrees_with_the_single_steps(int m)
    {
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Rnn1x1DoubleSimd.Kernel, double>(m, seed: 121);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Rnn1x1FloatSimd.Kernel, float>(m, seed: 122);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Rnn2x7DoubleSimd.Kernel, double>(m, seed: 123);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Rnn2x7FloatSimd.Kernel, float>(m, seed: 124);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Rnn3x33Head4DoubleSimd.Kernel, double>(m, seed: 125);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Rnn3x33Head4FloatSimd.Kernel, float>(m, seed: 126);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Rnn10x129Head10DoubleSimd.Kernel, double>(m, seed: 127);
        SimdBatchAndHeadTests.BatchEqualsSingleSteps<Rnn10x129Head10FloatSimd.Kernel, float>(m, seed: 128);
    }
}
