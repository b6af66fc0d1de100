using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LstmGen.Benchmarks.Baselines;
using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Benchmarks;

/// <summary>D: tanh RNN D = 10 (one-hot), H = 128, softmax head V = 10, cross-entropy, float, batch 1. BPTT per timestep (T = 25).</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ConfigD
{
    private CellD.Parameters _p = null!;
    private CellD.Gradients _grads = null!;
    private CellD.Workspace _workspace = null!;
    private CellD.State _state;
    private Vec10<float> _probabilities;
    private CellDLoops.Parameters _pLoops = null!;
    private CellDLoops.Gradients _gradsLoops = null!;
    private CellDLoops.Workspace _workspaceLoops = null!;
    private CellDLoops.State _stateLoops;
    private Vec10<float> _probabilitiesLoops;
    private int[] _inputs = null!, _targets = null!;
    private MathNetCell<float> _mathNet = null!;
    private Vector<float>[] _oneHot = null!;
    private (Vector<float> H, Vector<float> C) _mState;

    [GlobalSetup]
    public void Setup()
    {
        float[] theta = Data.Uniform<float>(1, CellD.ParameterCount, 1 / Math.Sqrt(CellD.HiddenSize));
        (_p, _grads, _workspace) = (new CellD.Parameters(theta), new CellD.Gradients(), new CellD.Workspace(Data.Steps));
        (_pLoops, _gradsLoops, _workspaceLoops) = (new CellDLoops.Parameters(theta), new CellDLoops.Gradients(), new CellDLoops.Workspace(Data.Steps));
        _inputs = Data.Classes(2, Data.Steps, CellD.InputSize);
        _targets = Data.Classes(3, Data.Steps, CellD.OutputSize);
        _mathNet = new MathNetCell<float>(lstm: false, CellD.InputSize, CellD.HiddenSize, CellD.OutputSize, seed: 1);
        _oneHot = [.. _inputs.Select(i => Vector<float>.Build.Dense(CellD.InputSize, k => k == i ? 1f : 0f))];
        _mState = (Vector<float>.Build.Dense(CellD.HiddenSize), Vector<float>.Build.Dense(CellD.HiddenSize));
        JitWarmup.Run(this);
    }

    [Benchmark(Description = "LstmGen StepOneHot + softmax (SIMD)")]
    [BenchmarkCategory("D inference")]
    public float LstmGenStep()
    {
        _state = CellD.StepOneHot(_p, 3, _state, out _probabilities);
        return _probabilities[0];
    }

    [Benchmark(Description = "LstmGen StepOneHot + softmax (Loops, before)")]
    [BenchmarkCategory("D inference")]
    public float LstmGenStepLoops()
    {
        _stateLoops = CellDLoops.StepOneHot(_pLoops, 3, _stateLoops, out _probabilitiesLoops);
        return _probabilitiesLoops[0];
    }

    [Benchmark(Baseline = true, Description = "MathNet step + softmax")]
    [BenchmarkCategory("D inference")]
    public float MathNetStep()
    {
        _mState = _mathNet.Step(_oneHot[3], _mState.H, _mState.C);
        return _mathNet.Probabilities(_mState.H)[0];
    }

    [Benchmark(Description = "LstmGen CrossEntropyLossAndGradients (SIMD)", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("D BPTT per timestep")]
    public float LstmGenBptt() => CellD.CrossEntropyLossAndGradients(_p, _inputs, _targets, CellD.State.Zero, _workspace, _grads).Loss;

    [Benchmark(Description = "LstmGen CrossEntropyLossAndGradients (Loops, before)", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("D BPTT per timestep")]
    public float LstmGenBpttLoops() => CellDLoops.CrossEntropyLossAndGradients(_pLoops, _inputs, _targets, CellDLoops.State.Zero, _workspaceLoops, _gradsLoops).Loss;

    [Benchmark(Baseline = true, Description = "MathNet BPTT", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("D BPTT per timestep")]
    public float MathNetBptt() => _mathNet.LossAndGradients(_oneHot, _targets, null);
}
