using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LstmGen.Benchmarks.Baselines;
using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Benchmarks;

/// <summary>A: LSTM D = 2, H = 1, double, batch 1, loss ½(h − y)². BPTT figures are per timestep (T = 25).</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ConfigA
{
    private CellA.Parameters _p = null!;
    private CellA.Gradients _grads = null!;
    private CellA.Workspace _workspace = null!;
    private Vec2<double>[] _xs = null!;
    private Vec1<double>[] _ys = null!;
    private CellA.State _state;
    private MathNetCell<double> _mathNet = null!;
    private Vector<double>[] _mxs = null!;
    private Vector<double>[] _mys = null!;
    private (Vector<double> H, Vector<double> C) _mState;

    [GlobalSetup]
    public void Setup()
    {
        _p = new CellA.Parameters(Data.Uniform<double>(1, CellA.ParameterCount, 1.0));
        _grads = new CellA.Gradients();
        _workspace = new CellA.Workspace(Data.Steps);
        double[] x = Data.Uniform<double>(2, Data.Steps * CellA.InputSize, 1.0);
        double[] y = Data.Uniform<double>(3, Data.Steps * CellA.HiddenSize, 0.5);
        _xs = [.. Enumerable.Range(0, Data.Steps).Select(t => Vec2<double>.FromSpan(x.AsSpan(t * CellA.InputSize, CellA.InputSize)))];
        _ys = [.. Enumerable.Range(0, Data.Steps).Select(t => Vec1<double>.FromSpan(y.AsSpan(t * CellA.HiddenSize, CellA.HiddenSize)))];
        _mathNet = new MathNetCell<double>(lstm: true, CellA.InputSize, CellA.HiddenSize, 0, seed: 1);
        _mxs = [.. _xs.Select(v => Vector<double>.Build.DenseOfArray(v.ToArray()))];
        _mys = [.. _ys.Select(v => Vector<double>.Build.DenseOfArray(v.ToArray()))];
        _mState = (Vector<double>.Build.Dense(CellA.HiddenSize), Vector<double>.Build.Dense(CellA.HiddenSize));
        JitWarmup.Run(this);
    }

    [Benchmark(Description = "LstmGen Step")]
    [BenchmarkCategory("A inference")]
    public double LstmGenStep()
    {
        _state = CellA.Step(_p, _xs[3], _state);
        return _state.H[0];
    }

    [Benchmark(Baseline = true, Description = "MathNet step")]
    [BenchmarkCategory("A inference")]
    public double MathNetStep()
    {
        _mState = _mathNet.Step(_mxs[3], _mState.H, _mState.C);
        return _mState.H[0];
    }

    [Benchmark(Description = "LstmGen LossAndGradients", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("A BPTT per timestep")]
    public double LstmGenBptt() => CellA.LossAndGradients(_p, _xs, _ys, CellA.State.Zero, _workspace, _grads).Loss;

    [Benchmark(Baseline = true, Description = "MathNet BPTT", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("A BPTT per timestep")]
    public double MathNetBptt() => _mathNet.LossAndGradients(_mxs, null, _mys);
}
