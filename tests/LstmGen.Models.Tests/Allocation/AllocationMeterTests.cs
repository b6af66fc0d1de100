using LstmGen.TestSupport;

namespace LstmGen.Models.Tests.Allocation;

/// <summary>The meter itself can fail: an operation that allocates on every call is seen in every window.</summary>
public sealed class AllocationMeterTests
{
    private static object? _sink;

    [Fact]
    public void An_allocating_operation_is_measured_as_allocating()
    {
        long bytes = AllocationMeter.BytesAllocated(() => _sink = new byte[64]);
        Assert.True(bytes >= AllocationMeter.MeasuredCalls * 64, $"measured {bytes} B");
        Assert.Throws<Xunit.Sdk.TrueException>(() => AllocationMeter.AssertNoAllocations(
            new Dictionary<string, Action> { ["allocates"] = () => _sink = new int[4] }));
    }
}
