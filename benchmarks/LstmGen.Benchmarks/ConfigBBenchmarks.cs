using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LstmGen.Benchmarks.Baselines;
using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Benchmarks;

/// <summary>
/// B: LSTM D = 10 (one-hot), H = 128, softmax head V = 10, cross-entropy, float, batch 1. The inference step includes
/// the head's probabilities. BPTT figures are per timestep (T = 25). Bounds: the hand-written Vector512 gate
/// matrix-vector product U·h (512 x 128; the one-hot input projection is a column read), and the three dense kernels of
/// a backward step (U·h, Uᵀ·dz, dU += dz·hᵀ).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ConfigB
{
    private const int Rows = 4 * 128, Hidden = 128;
    private CellB.Parameters _p = null!;
    private CellB.Gradients _grads = null!;
    private CellB.Workspace _workspace = null!;
    private CellB.State _state;
    private Vec10<float> _probabilities;
    private CellBLoops.Parameters _pLoops = null!;
    private CellBLoops.Gradients _gradsLoops = null!;
    private CellBLoops.Workspace _workspaceLoops = null!;
    private CellBLoops.State _stateLoops;
    private Vec10<float> _probabilitiesLoops;
    private int[] _inputs = null!, _targets = null!;
    private MathNetCell<float> _mathNet = null!;
    private Vector<float>[] _oneHot = null!;
    private (Vector<float> H, Vector<float> C) _mState;
    private ArraySegment<float> _u, _du, _h, _z, _dh;

    [GlobalSetup]
    public void Setup()
    {
        float[] theta = Data.Uniform<float>(1, CellB.ParameterCount, 1 / Math.Sqrt(CellB.HiddenSize));
        (_p, _grads, _workspace) = (new CellB.Parameters(theta), new CellB.Gradients(), new CellB.Workspace(Data.Steps));
        (_pLoops, _gradsLoops, _workspaceLoops) = (new CellBLoops.Parameters(theta), new CellBLoops.Gradients(), new CellBLoops.Workspace(Data.Steps));
        _inputs = Data.Classes(2, Data.Steps, CellB.InputSize);
        _targets = Data.Classes(3, Data.Steps, CellB.OutputSize);
        _mathNet = new MathNetCell<float>(lstm: true, CellB.InputSize, CellB.HiddenSize, CellB.OutputSize, seed: 1);
        _oneHot = [.. _inputs.Select(i => Vector<float>.Build.Dense(CellB.InputSize, k => k == i ? 1f : 0f))];
        _mState = (Vector<float>.Build.Dense(Hidden), Vector<float>.Build.Dense(Hidden));
        _u = Data.Aligned(Data.Uniform<float>(4, Rows * Hidden, 0.1));
        _du = Data.Aligned(new float[Rows * Hidden]);
        _h = Data.Aligned(Data.Uniform<float>(5, Hidden, 1));
        _z = Data.Aligned(Data.Uniform<float>(6, Rows, 1));
        _dh = Data.Aligned(new float[Hidden]);
        JitWarmup.Run(this);
    }

    [Benchmark(Description = "LstmGen StepOneHot + softmax (SIMD)")]
    [BenchmarkCategory("B inference")]
    public float LstmGenStep()
    {
        _state = CellB.StepOneHot(_p, 3, _state, out _probabilities);
        return _probabilities[0];
    }

    [Benchmark(Description = "LstmGen StepOneHot + softmax (Loops, before)")]
    [BenchmarkCategory("B inference")]
    public float LstmGenStepLoops()
    {
        _stateLoops = CellBLoops.StepOneHot(_pLoops, 3, _stateLoops, out _probabilitiesLoops);
        return _probabilitiesLoops[0];
    }

    [Benchmark(Baseline = true, Description = "MathNet step + softmax")]
    [BenchmarkCategory("B inference")]
    public float MathNetStep()
    {
        _mState = _mathNet.Step(_oneHot[3], _mState.H, _mState.C);
        return _mathNet.Probabilities(_mState.H)[0];
    }

    [Benchmark(Description = "Bound: Vector512 GEMV U·h")]
    [BenchmarkCategory("B inference")]
    public float BoundGemv()
    {
        BoundKernels.Gemv(_u, _h, _z, Rows, Hidden);
        return _z[0];
    }

    [Benchmark(Description = "LstmGen CrossEntropyLossAndGradients (SIMD)", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("B BPTT per timestep")]
    public float LstmGenBptt() => CellB.CrossEntropyLossAndGradients(_p, _inputs, _targets, CellB.State.Zero, _workspace, _grads).Loss;

    [Benchmark(Description = "LstmGen CrossEntropyLossAndGradients (Loops, before)", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("B BPTT per timestep")]
    public float LstmGenBpttLoops() => CellBLoops.CrossEntropyLossAndGradients(_pLoops, _inputs, _targets, CellBLoops.State.Zero, _workspaceLoops, _gradsLoops).Loss;

    [Benchmark(Baseline = true, Description = "MathNet BPTT", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("B BPTT per timestep")]
    public float MathNetBptt() => _mathNet.LossAndGradients(_oneHot, _targets, null);

    [Benchmark(Description = "Bound: Vector512 GEMV + GEMVᵀ + outer product")]
    [BenchmarkCategory("B BPTT per timestep")]
    public float BoundThreeKernels()
    {
        BoundKernels.Gemv(_u, _h, _z, Rows, Hidden);
        BoundKernels.GemvTransposed(_u, _z, _dh, Rows, Hidden);
        BoundKernels.OuterAccumulate(_du, _z, _h, Rows, Hidden);
        return _dh[0];
    }
}
