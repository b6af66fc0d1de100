using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LstmGen.Models;
using LstmGen.Models.Tests.Models;
using LstmGen.TestCells;

namespace LstmGen.Models.Tests.Buffers;

/// <summary>
/// Every buffer the library allocates for its kernels starts on a 64-byte boundary (a cache line, one Vector512), so a
/// SIMD kernel's loads of a weight column never split a cache line (B's inference step measured 3.64 → 2.90 µs from
/// this alone: docs/performance-notes.md): parameters and gradients (both constructors, and after a copy and many
/// collections, which must not move them), a cell's workspace, and a model's workspace (its layer outputs are carved
/// out of one buffer, each on a boundary), and the buffers a model allocates for its callers' θ and dθ.
/// </summary>
public sealed class AlignmentTests
{
    [Fact]
    public void Parameters_and_gradients_start_on_a_cache_line_in_both_precisions()
    {
        AssertAligned(new Lstm3x7FloatSimd.Parameters().AsSpan());
        AssertAligned(new Lstm3x7DoubleSimd.Parameters().AsSpan());
        AssertAligned(new Lstm3x7FloatSimd.Parameters(new float[Lstm3x7FloatSimd.ParameterCount]).AsSpan());
        AssertAligned(new Lstm3x7FloatSimd.Gradients().AsSpan());
        AssertAligned(new Lstm3x7DoubleSimd.Gradients().AsSpan());
    }

    [Fact]
    public void Buffers_stay_on_the_boundary_across_collections()
    {
        var p = new Lstm3x7FloatSimd.Parameters();
        var workspace = new Lstm3x7FloatSimd.Workspace(4, 3);
        for (int i = 0; i < 3; i++)
        {
            _ = new byte[1 << 16];                                           // garbage to compact around
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        AssertAligned(p.AsSpan());
        AssertAligned(workspace.Caches);
    }

    [Fact]
    public void A_cell_workspace_starts_every_buffer_on_a_cache_line()
    {
        var workspace = new Lstm3x7FloatSimd.Workspace(5, 3);
        AssertAligned(workspace.Caches);
        AssertAligned(workspace.Outputs);
        AssertAligned(workspace.OutputGradients);
        AssertAligned(workspace.States);
        AssertAligned(workspace.StateGradients);
    }

    [Fact]
    public void A_model_workspace_starts_every_layer_output_on_a_cache_line()
    {
        RecurrentModel<double> model = TestModels.LstmGru();
        var c = new ModelProblem(model, steps: 5, batchSize: 3, lengths: null, seed: 3);
        ModelWorkspace<double> workspace = model.CreateWorkspace(c.Steps, c.M);
        model.Forward(c.P, c.Xs, c.M, c.Lengths, c.Initial, new double[c.M * model.StateLength], workspace);
        for (int layer = 0; layer < model.Layers.Count; layer++)
        {
            AssertAligned(workspace.LayerOutputs(layer));
        }
    }

    [Fact]
    public void A_model_allocates_aligned_zeroed_parameter_buffers()
    {
        RecurrentModel<double> model = TestModels.LstmGru();
        Memory<double> first = model.AllocateParameters(), second = model.AllocateParameters();
        Assert.Equal(model.ParameterCount, first.Length);
        Assert.All(first.ToArray(), value => Assert.Equal(0.0, value));
        AssertAligned<double>(first.Span);
        AssertAligned<double>(second.Span);
        first.Span[0] = 1;
        Assert.Equal(0.0, second.Span[0]);                                   // two buffers, not one
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(100_000)]
    public void AlignedMemory_allocates_zeros_on_a_cache_line(int length)
    {
        Memory<float> floats = AlignedMemory.Allocate<float>(length);
        Memory<double> doubles = AlignedMemory.Allocate<double>(length);
        Assert.Equal(length, floats.Length);
        Assert.Equal(length, doubles.Length);
        Assert.All(floats.ToArray(), value => Assert.Equal(0f, value));
        if (length > 0)
        {
            AssertAligned<float>(floats.Span);
            AssertAligned<double>(doubles.Span);
        }
    }

    [Fact]
    public void AlignedMemory_refuses_a_negative_length()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AlignedMemory.Allocate<float>(-1));
        Assert.Equal("length", error.ParamName);
    }

    private static unsafe void AssertAligned<T>(ReadOnlySpan<T> span)
    {
        nuint address = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(span));
        Assert.True(address % 64 == 0, $"Expected a buffer on a 64-byte boundary, but it starts at 0x{address:x} ({address % 64} bytes past one).");
    }
}
