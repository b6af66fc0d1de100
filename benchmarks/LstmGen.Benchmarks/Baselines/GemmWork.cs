namespace LstmGen.Benchmarks.Baselines;

/// <summary>
/// The float multiply-adds of each configuration's matrix products per sample and timestep, the work its FMA-peak bound
/// (<see cref="BoundKernels.FmaPeak"/>) times: every weight matrix is used three ways per step (the forward product, the
/// transposed product that carries the gradient down or back, and its gradient's rank update); a one-hot input costs a
/// column, not a product. One place for these counts: the bounds of B, C, E, F and the thread-scaling rows read them.
/// </summary>
internal static class GemmWork
{
    private const int Lanes = 16;                       // floats in a Vector512: FmaPeak counts vector FMAs

    /// <summary>B and C's LSTM 10 (one-hot) → 128 with the V = 10 head: 3·(512·128) + 3·(10·128) = 200,448.</summary>
    public static long Lstm => Layer(gates: 4, hidden: 128, denseInputs: 0) + Head;

    /// <summary>
    /// E's two layers, LSTM 10 → 128 and LSTM 128 → 128, with the head: 609,024 (a model takes dense inputs, so the lower
    /// layer's one-hot vectors go through W as a product).
    /// </summary>
    public static long TwoLayerLstm => Layer(4, 128, 10) + Layer(4, 128, 128) + Head;

    /// <summary>F's GRU 10 (one-hot) → 128 with the head: 3·(384·128) + 3·(10·128) = 151,296.</summary>
    public static long Gru => Layer(gates: 3, hidden: 128, denseInputs: 0) + Head;

    private static long Head => 3L * 10 * 128;

    /// <summary>Vector512 FMAs for <paramref name="multiplyAdds"/> float multiply-adds per sample, times the batch.</summary>
    public static int VectorFmas(long multiplyAdds, int batch) => checked((int)(multiplyAdds * batch / Lanes));

    // U (G × H) and, for dense inputs, W (G × D), three ways each.
    private static long Layer(int gates, int hidden, int denseInputs) => 3L * gates * hidden * (hidden + denseInputs);
}
