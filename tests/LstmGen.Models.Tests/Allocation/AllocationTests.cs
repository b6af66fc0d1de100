using LstmGen.TestSupport;

namespace LstmGen.Models.Tests.Allocation;

/// <summary>
/// Zero allocations after warm-up for every entry point issue 3 added — RNN cells, softmax heads, cross-entropy (step,
/// sequence, one-call; class and distribution targets), one-hot inputs, batches, gradient clipping — plus the step,
/// sequence, loss and SGD functions they share with the LSTM, for a small unrolled RNN and GRU (double) and a large loop
/// LSTM (float). Tolerance: exactly 0 bytes (see <see cref="AllocationMeter"/>).
/// </summary>
public sealed class AllocationTests
{
    [Fact]
    public void Small_rnn_with_head_allocates_nothing() => AllocationMeter.AssertNoAllocations(RnnSmallDoubleOperations.Build(), minimumOperations: 30);

    [Fact]
    public void Small_gru_with_head_allocates_nothing() => AllocationMeter.AssertNoAllocations(GruSmallDoubleOperations.Build(), minimumOperations: 30);

    [Fact]
    public void Large_lstm_with_head_allocates_nothing() => AllocationMeter.AssertNoAllocations(LstmLargeFloatOperations.Build(), minimumOperations: 30);
}
