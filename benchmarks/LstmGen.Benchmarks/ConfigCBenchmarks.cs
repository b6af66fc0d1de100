using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LstmGen.Benchmarks.Baselines;
using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Benchmarks;

/// <summary>
/// C: as B with batch m = 32: BPTT per timestep of the whole batch (T = 25). Bounds: the hand-written Vector512 gate GEMM
/// (512 x 128 times 128 x 32), and the single-core FMA peak for all of C's GEMM work per timestep: the gate GEMMs
/// U·H, dU += dZ·Hᵀ and Uᵀ·dZ (3 x 512 x 128 x 32) and the head's W_y·H, dW_y += dY·Hᵀ and W_yᵀ·dY (3 x 10 x 128 x 32):
/// 6,414,336 float multiply-adds = 400,896 Vector512 FMAs.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ConfigC
{
    private const int Batch = 32, Rows = 4 * 128, Hidden = 128;
    private CellB.Parameters _p = null!;
    private CellB.Gradients _grads = null!;
    private CellB.Workspace _workspace = null!;
    private int[] _inputs = null!, _targets = null!;
    private MathNetCell<float> _mathNet = null!;
    private Vector<float>[][] _oneHot = null!;
    private int[][] _sequenceTargets = null!;
    private ArraySegment<float> _u, _hs, _zs;

    [GlobalSetup]
    public void Setup()
    {
        _p = new CellB.Parameters(Data.Uniform<float>(1, CellB.ParameterCount, 1 / Math.Sqrt(CellB.HiddenSize)));
        _grads = new CellB.Gradients();
        _workspace = new CellB.Workspace(Data.Steps, Batch);
        _inputs = Data.Classes(2, Data.Steps * Batch, CellB.InputSize);
        _targets = Data.Classes(3, Data.Steps * Batch, CellB.OutputSize);
        _mathNet = new MathNetCell<float>(lstm: true, CellB.InputSize, CellB.HiddenSize, CellB.OutputSize, seed: 1);
        _oneHot = [.. Enumerable.Range(0, Batch).Select(b => Enumerable.Range(0, Data.Steps)
            .Select(t => Vector<float>.Build.Dense(CellB.InputSize, k => k == _inputs[(t * Batch) + b] ? 1f : 0f)).ToArray())];
        _sequenceTargets = [.. Enumerable.Range(0, Batch).Select(b => Enumerable.Range(0, Data.Steps).Select(t => _targets[(t * Batch) + b]).ToArray())];
        _u = Data.Aligned(Data.Uniform<float>(4, Rows * Hidden, 0.1));
        _hs = Data.Aligned(Data.Uniform<float>(5, Hidden * Batch, 1));
        _zs = Data.Aligned(new float[Rows * Batch]);
        JitWarmup.Run(this);
    }

    [Benchmark(Description = "LstmGen CrossEntropyLossAndGradientsBatch (m = 32)", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("C BPTT per timestep (batch 32)")]
    public float LstmGenBptt() =>
        CellB.CrossEntropyLossAndGradientsBatch(_p, _inputs, _targets, Batch, BatchReduction.Sum, _workspace, _grads);

    [Benchmark(Baseline = true, Description = "MathNet BPTT, 32 sequences", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("C BPTT per timestep (batch 32)")]
    public float MathNetBptt()
    {
        float loss = 0;
        for (int b = 0; b < Batch; b++)
        {
            loss += _mathNet.LossAndGradients(_oneHot[b], _sequenceTargets[b], null);
        }

        return loss;
    }

    [Benchmark(Description = "Bound: Vector512 gate GEMM U·H (m = 32)")]
    [BenchmarkCategory("C BPTT per timestep (batch 32)")]
    public float BoundGemm()
    {
        BoundKernels.Gemm(_u, _hs, _zs, Rows, Hidden, Batch);
        return _zs[0];
    }

    [Benchmark(Description = "Bound: FMA peak for all of C's GEMMs")]
    [BenchmarkCategory("C BPTT per timestep (batch 32)")]
    public float FmaPeak() => BoundKernels.FmaPeak(GemmWork.VectorFmas(GemmWork.Lstm, Batch));
}
