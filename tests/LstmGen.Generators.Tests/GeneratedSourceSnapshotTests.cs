namespace LstmGen.Generators.Tests;

/// <summary>The generated file of representative declarations, compared with <c>snapshots/{Lstm,Rnn,Gru}.*.verified.cs</c>.</summary>
public sealed class GeneratedSourceSnapshotTests
{
    [Fact]
    public Task Tiny_unrolled_double() =>
        VerifyGenerated(CellSources.TinyLstm, "Samples.TinyLstm.g.cs", "Lstm.TinyLstm.Unrolled.Double");

    [Fact]
    public Task Small_unrolled_float() =>
        VerifyGenerated(CellSources.SmallFloatLstm, "Samples.SmallLstm.g.cs", "Lstm.SmallLstm.Unrolled.Float");

    [Fact]
    public Task Mid_loops_double() =>
        VerifyGenerated(CellSources.MidLstm, "Samples.MidLstm.g.cs", "Lstm.MidLstm.Loops.Double");

    [Fact]
    public Task Rnn_unrolled_double() =>
        VerifyGenerated(CellSources.SmallRnn, "Samples.SmallRnn.g.cs", "Rnn.SmallRnn.Unrolled.Double");

    [Fact]
    public Task Lstm_with_softmax_head_loops_float() =>
        VerifyGenerated(CellSources.CharLstm, "Samples.CharLstm.g.cs", "Lstm.CharLstm.Head.Loops.Float");

    [Fact]
    public Task Simd_float_with_head() =>
        VerifyGenerated(CellSources.SimdLstm, "Samples.SimdLstm.g.cs", "Lstm.SimdLstm.Simd.Float");

    [Fact]
    public Task Lstm_with_linear_head_unrolled_double() =>
        VerifyGenerated(CellSources.LinearLstm, "Samples.Forecaster.g.cs", "Lstm.Forecaster.Linear.Unrolled.Double");

    [Fact]
    public Task Gru_unrolled_double() =>
        VerifyGenerated(CellSources.SmallGru, "Samples.SmallGru.g.cs", "Gru.SmallGru.Unrolled.Double");

    [Fact]
    public Task Bias_free_gru_unrolled_double() =>
        VerifyGenerated(CellSources.NoBiasGru, "Samples.NoBiasGru.g.cs", "Gru.NoBiasGru.Unrolled.Double");

    [Fact]
    public Task Gru_simd_float_with_head() =>
        VerifyGenerated(CellSources.SimdGru, "Samples.SimdGru.g.cs", "Gru.SimdGru.Simd.Float");

    [Fact]
    public Task Nested_in_global_namespace() =>
        VerifyGenerated(CellSources.NestedGlobal, "Outer.NestedLstm.g.cs", "Lstm.Nested.Global");

    /// <summary>The vectors two cells of the assembly share: one type per distinct size (D = 10, H = 128 and V = 10 give two).</summary>
    [Fact]
    public async Task Shared_vectors()
    {
        GeneratorRun run = GeneratorHarness.Run(CellSources.CharLstm);
        Assert.Null(run.Exception);
        await Verify(run.VectorsSourceText, "cs").UseFileName("Vectors.CharLstm");
    }

    private static async Task VerifyGenerated(string declaration, string expectedHintName, string snapshotName)
    {
        GeneratorRun run = GeneratorHarness.Run(declaration);

        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(expectedHintName, run.GeneratedSources.Single().HintName);
        await Verify(run.SingleSourceText, "cs").UseFileName(snapshotName);
    }
}
