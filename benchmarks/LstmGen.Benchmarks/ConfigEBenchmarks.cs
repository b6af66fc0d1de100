using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LstmGen.Benchmarks.Baselines;
using LstmGen.Models;

namespace LstmGen.Benchmarks;

/// <summary>
/// E: a two-layer LSTM 10 → 128 → 128 with a softmax head V = 10 and cross-entropy at every step, float, batch 1
/// (PyTorch's <c>nn.LSTM(10, 128, num_layers=2)</c> + <c>nn.Linear(128, 10)</c>), BPTT per timestep (T = 25), against
/// config B (one LSTM 10 → 128 with the same head) in the same run. The inputs are B's classes as one-hot vectors
/// (a model takes dense inputs). Issue 14's target: at most 2.2 × B's time per step.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ConfigE
{
    private static RecurrentModel<float> Model => ModelE.Model;

    private float[] _xs = null!;
    private Memory<float> _p, _dp;
    private int[] _inputs = null!, _targets = null!;
    private ModelWorkspace<float> _workspace = null!;
    private CellB.Parameters _pB = null!;
    private CellB.Gradients _gradsB = null!;
    private CellB.Workspace _workspaceB = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_p, _dp) = (Model.AllocateParameters(), Model.AllocateParameters());
        Data.Uniform<float>(1, Model.ParameterCount, 1 / Math.Sqrt(128)).CopyTo(_p);
        _inputs = Data.Classes(2, Data.Steps, 10);
        _targets = Data.Classes(3, Data.Steps, 10);
        _xs = new float[Data.Steps * 10];
        for (int t = 0; t < Data.Steps; t++)
        {
            _xs[(t * 10) + _inputs[t]] = 1;
        }

        _workspace = Model.CreateWorkspace(Data.Steps);
        (_pB, _gradsB, _workspaceB) = (new CellB.Parameters(Data.Uniform<float>(1, CellB.ParameterCount, 1 / Math.Sqrt(CellB.HiddenSize))), new CellB.Gradients(), new CellB.Workspace(Data.Steps));
        JitWarmup.Run(this);
    }

    [Benchmark(Description = "LstmGen 2-layer LSTM model Gradient, CE every step (E)", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("E BPTT per timestep")]
    public float TwoLayerBptt()
    {
        _dp.Span.Clear();
        return Model.Gradient(_p.Span, _xs, 1, default, default, _targets, default, default, default, _dp.Span, _workspace);
    }

    [Benchmark(Baseline = true, Description = "LstmGen LSTM CrossEntropyLossAndGradients (B)", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("E BPTT per timestep")]
    public float OneLayerBptt() => CellB.CrossEntropyLossAndGradients(_pB, _inputs, _targets, CellB.State.Zero, _workspaceB, _gradsB).Loss;

    [Benchmark(Description = "Bound: FMA peak for E's GEMM work per timestep (609,024 FMAs)")]
    [BenchmarkCategory("E BPTT per timestep")]
    public float FmaPeakE() => BoundKernels.FmaPeak(GemmWork.VectorFmas(GemmWork.TwoLayerLstm, 1));

    [Benchmark(Description = "Bound: FMA peak for B's GEMM work per timestep (200,448 FMAs)")]
    [BenchmarkCategory("E BPTT per timestep")]
    public float FmaPeakB() => BoundKernels.FmaPeak(GemmWork.VectorFmas(GemmWork.Lstm, 1));
}
