using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LstmGen.Benchmarks.Baselines;

namespace LstmGen.Benchmarks;

/// <summary>
/// Batched inference without caches (issue 15, item 3). C: CellB (LSTM 10 one-hot → 128, float) stepping m = 32
/// sequences at once with <c>StepBatch</c> (states only) against the batched step that also writes every cache
/// (<c>ForwardSequenceBatch</c> of one step, what batched inference cost before), 32 single <c>StepOneHot</c> calls,
/// and the bounds measured in the same run: the FMA peak of the gate GEMM U·H (512 × 128 times 128 × 32 = 2,097,152
/// float multiply-adds = 131,072 Vector512 FMAs) and the hand-written Vector512 GEMM doing it. B: one sample's
/// <c>StepOneHot</c> + softmax against the best of three hand-written Vector512 GEMVs U·h (512 × 128).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ConfigCInference
{
    private const int Batch = 32, Rows = 4 * 128, Hidden = 128;
    private const int GateGemmVectorFmas = Rows * Hidden * Batch / 16;
    private const string C = "C inference step (batch 32)", B = "B inference step (batch 1)";
    private CellB.Parameters _p = null!;
    private int[] _indices = null!;
    private CellB.State[] _states = null!;
    private float[] _flatStates = null!, _caches = null!, _outputs = null!;
    private CellB.State _state;
    private Vec10<float> _probabilities;
    private ArraySegment<float> _u, _hs, _zs, _h, _z;

    [GlobalSetup]
    public void Setup()
    {
        _p = new CellB.Parameters(Data.Uniform<float>(1, CellB.ParameterCount, 1 / Math.Sqrt(CellB.HiddenSize)));
        _indices = Data.Classes(2, Batch, CellB.InputSize);
        _states = new CellB.State[Batch];
        _flatStates = new float[Batch * 2 * Hidden];
        _caches = new float[Batch * CellB.CacheLength];
        _outputs = new float[Batch * Hidden];
        _u = Data.Aligned(Data.Uniform<float>(4, Rows * Hidden, 0.1));
        _hs = Data.Aligned(Data.Uniform<float>(5, Hidden * Batch, 1));
        _zs = Data.Aligned(new float[Rows * Batch]);
        _h = Data.Aligned(Data.Uniform<float>(6, Hidden, 1));
        _z = Data.Aligned(new float[Rows]);
        CheckGemvBounds();
        JitWarmup.Run(this);
    }

    [Benchmark(Description = "LstmGen StepBatch (m = 32, no caches)")]
    [BenchmarkCategory(C)]
    public void StepBatch() => CellB.StepBatch(_p, _indices, _states, _states);

    [Benchmark(Baseline = true, Description = "LstmGen ForwardSequenceBatch, T = 1 (writes caches, before)")]
    [BenchmarkCategory(C)]
    public void ForwardWithCaches() =>
        LstmGen.Kernels.Recurrent<CellB.Kernel, float>.ForwardSequenceBatch(_p.AsSpan(), _indices, Batch, _flatStates, _flatStates, _caches, _outputs);

    [Benchmark(Description = "LstmGen 32 x StepOneHot")]
    [BenchmarkCategory(C)]
    public void SingleSteps()
    {
        for (int b = 0; b < Batch; b++)
        {
            _states[b] = CellB.StepOneHot(_p, _indices[b], _states[b]);
        }
    }

    [Benchmark(Description = "Bound: Vector512 gate GEMM U·H (m = 32)")]
    [BenchmarkCategory(C)]
    public float BoundGemm()
    {
        BoundKernels.Gemm(_u, _hs, _zs, Rows, Hidden, Batch);
        return _zs[0];
    }

    [Benchmark(Description = "Bound: FMA peak of the gate GEMM (2,097,152 FMAs)")]
    [BenchmarkCategory(C)]
    public float FmaPeak() => BoundKernels.FmaPeak(GateGemmVectorFmas);

    [Benchmark(Baseline = true, Description = "LstmGen StepOneHot + softmax (SIMD)")]
    [BenchmarkCategory(B)]
    public float Step()
    {
        _state = CellB.StepOneHot(_p, 3, _state, out _probabilities);
        return _probabilities[0];
    }

    [Benchmark(Description = "Bound: GEMV U·h, 128 rows x all columns (ConfigB's)")]
    [BenchmarkCategory(B)]
    public float BoundGemvRows128()
    {
        BoundKernels.Gemv(_u, _h, _z, Rows, Hidden);
        return _z[0];
    }

    [Benchmark(Description = "Bound: GEMV U·h, 256 rows x all columns")]
    [BenchmarkCategory(B)]
    public float BoundGemvRows256()
    {
        GemvBounds.RowBlocked256(_u, _h, _z, Rows, Hidden);
        return _z[0];
    }

    [Benchmark(Description = "Bound: GEMV U·h, column-blocked (4 columns x all rows)")]
    [BenchmarkCategory(B)]
    public float BoundGemvColumns()
    {
        GemvBounds.ColumnBlocked(_u, _h, _z, Rows, Hidden);
        return _z[0];
    }

    // The three GEMV bounds compute the same product (within float rounding of sums in another order).
    private void CheckGemvBounds()
    {
        float[] reference = new float[Rows], other = new float[Rows];
        BoundKernels.Gemv(_u, _h, reference, Rows, Hidden);
        GemvBounds.RowBlocked256(_u, _h, other, Rows, Hidden);
        float rows256 = reference.Zip(other, (a, b) => Math.Abs(a - b)).Max();
        GemvBounds.ColumnBlocked(_u, _h, other, Rows, Hidden);
        float columns = reference.Zip(other, (a, b) => Math.Abs(a - b)).Max();
        if (rows256 > 1e-4f || columns > 1e-4f)
        {
            throw new InvalidOperationException($"A GEMV bound computes another product: max differences {rows256}, {columns}.");
        }
    }
}
