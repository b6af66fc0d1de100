using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LstmGen.Kernels;

namespace LstmGen.Benchmarks;

/// <summary>
/// The cell contract called directly (<see cref="Recurrent{TKernel, T}"/> over a kernel, flat spans) against the typed
/// API of the same cell, on the same data. Since 0.2 the typed API is a thin facade that forwards to the same contract
/// (<c>TypedCell</c>), so each category measures the facade's cost (typed values viewed as spans, argument checks,
/// workspace slicing): A's BPTT per timestep (A's generated <c>Kernel</c>, whose step members are straight-line
/// overrides, and <see cref="CellALoopsKernel"/>, the runtime's generic loop kernels at A's sizes), B's inference step
/// (SIMD, and the Loops twin) and B's BPTT per timestep (one-hot inputs, class targets, softmax head; SIMD).
/// The baseline of each category is the typed API. The comparison with 0.1's generated code is old commit against new
/// commit, in one sitting (README, Performance). C and D are in ContractBenchmarks.BatchAndRnn.cs.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public partial class ContractPath
{
    private CellA.Parameters _pa = null!;
    private CellA.Gradients _ga = null!;
    private CellA.Workspace _wa = null!;
    private Vec2<double>[] _xs = null!;
    private Vec1<double>[] _ys = null!;
    private double[] _flatPa = null!, _flatXs = null!, _flatYs = null!, _dpa = null!;
    private double[] _initial = null!, _final = null!, _caches = null!, _outputs = null!, _dOutputs = null!, _dInitial = null!;

    private CellB.Parameters _pb = null!;
    private CellBLoops.Parameters _pbLoops = null!;
    private float[] _flatPb = null!, _xb = null!, _stateB = null!;
    private Vec10<float> _inputB;
    private Vec10<float> _inputBLoops;
    private CellB.State _sb;
    private CellBLoops.State _sbLoops;

    private CellB.Gradients _gb = null!;
    private CellB.Workspace _wb = null!;
    private int[] _inputsB = null!, _targetsB = null!;
    private float[] _initialB = null!, _finalB = null!, _cachesB = null!, _outputsB = null!, _dOutputsB = null!, _dInitialB = null!;

    [GlobalSetup]
    public void Setup()
    {
        _flatPa = Data.Uniform<double>(1, CellA.ParameterCount, 1.0);
        _pa = new CellA.Parameters(_flatPa);
        _ga = new CellA.Gradients();
        _wa = new CellA.Workspace(Data.Steps);
        _flatXs = Data.Uniform<double>(2, Data.Steps * CellA.InputSize, 1.0);
        _flatYs = Data.Uniform<double>(3, Data.Steps * CellA.HiddenSize, 0.5);
        _xs = [.. Enumerable.Range(0, Data.Steps).Select(t => Vec2<double>.FromSpan(_flatXs.AsSpan(t * CellA.InputSize, CellA.InputSize)))];
        _ys = [.. Enumerable.Range(0, Data.Steps).Select(t => Vec1<double>.FromSpan(_flatYs.AsSpan(t * CellA.HiddenSize, CellA.HiddenSize)))];
        _dpa = new double[CellA.ParameterCount];
        int s = Recurrent<CellA.Kernel, double>.StateLength;
        (_initial, _final, _dInitial) = (new double[s], new double[s], new double[s]);
        _caches = new double[Data.Steps * Recurrent<CellA.Kernel, double>.CacheLength];
        (_outputs, _dOutputs) = (new double[Data.Steps * CellA.HiddenSize], new double[Data.Steps * CellA.HiddenSize]);

        _flatPb = Data.Uniform<float>(4, CellB.ParameterCount, 0.088);
        _pb = new CellB.Parameters(_flatPb);
        _pbLoops = new CellBLoops.Parameters(_flatPb);
        _xb = Data.Uniform<float>(5, CellB.InputSize, 1.0);
        _inputB = Vec10<float>.FromSpan(_xb);
        _inputBLoops = Vec10<float>.FromSpan(_xb);
        _stateB = new float[Recurrent<CellB.Kernel, float>.StateLength];

        // B's BPTT data as ConfigB sets it up: one-hot inputs and class targets, T = Data.Steps.
        (_gb, _wb) = (new CellB.Gradients(), new CellB.Workspace(Data.Steps));
        _inputsB = Data.Classes(2, Data.Steps, CellB.InputSize);
        _targetsB = Data.Classes(3, Data.Steps, CellB.OutputSize);
        int sb = Recurrent<CellB.Kernel, float>.StateLength;
        (_initialB, _finalB, _dInitialB) = (new float[sb], new float[sb], new float[sb]);
        _cachesB = new float[Data.Steps * Recurrent<CellB.Kernel, float>.CacheLength];
        (_outputsB, _dOutputsB) = (new float[Data.Steps * CellB.HiddenSize], new float[Data.Steps * CellB.HiddenSize]);
        SetupBatchAndRnn();
        JitWarmup.Run(this);
    }

    [Benchmark(Baseline = true, Description = "typed LossAndGradients (loops)", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("A BPTT per timestep")]
    public double GeneratedBpttA() => CellA.LossAndGradients(_pa, _xs, _ys, CellA.State.Zero, _wa, _ga).Loss;

    [Benchmark(Description = "contract forward + loss + BPTT (generic loops)", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("A BPTT per timestep")]
    public double ContractBpttA() => ContractBptt<CellALoopsKernel>();

    [Benchmark(Description = "contract forward + loss + BPTT (straight-line Kernel)", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("A BPTT per timestep")]
    public double ContractStraightLineBpttA() => ContractBptt<CellA.Kernel>();

    [Benchmark(Baseline = true, Description = "typed Step (SIMD)")]
    [BenchmarkCategory("B inference")]
    public float GeneratedStepB()
    {
        _sb = CellB.Step(_pb, _inputB, _sb);
        return _sb.H[0];
    }

    [Benchmark(Description = "typed Step (loops)")]
    [BenchmarkCategory("B inference")]
    public float GeneratedLoopsStepB()
    {
        _sbLoops = CellBLoops.Step(_pbLoops, _inputBLoops, _sbLoops);
        return _sbLoops.H[0];
    }

    [Benchmark(Description = "contract Step (generic SIMD)")]
    [BenchmarkCategory("B inference")]
    public float ContractStepB()
    {
        Recurrent<CellB.Kernel, float>.Step(_pb.AsSpan(), _xb, _stateB, _stateB);
        return _stateB[0];
    }

    [Benchmark(Baseline = true, Description = "typed CrossEntropyLossAndGradients (SIMD)", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("B BPTT per timestep")]
    public float GeneratedBpttB() => CellB.CrossEntropyLossAndGradients(_pb, _inputsB, _targetsB, CellB.State.Zero, _wb, _gb).Loss;

    // dp is cleared first: the contract accumulates, the typed call starts its gradients from zero. p and dp are the
    // typed objects' arrays, so both sides read and write the same memory (the same cache-line splits).
    [Benchmark(Description = "contract forward + cross-entropy + BPTT (generic SIMD)", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("B BPTT per timestep")]
    public float ContractBpttB()
    {
        _gb.Clear();
        Recurrent<CellB.Kernel, float>.ForwardSequence(_pb.AsSpan(), _inputsB, _initialB, _finalB, _cachesB, _outputsB);
        float loss = Losses<CellB.Kernel, float>.CrossEntropy(_pb.AsSpan(), _outputsB, _targetsB, _dOutputsB, _gb.AsSpan());
        Recurrent<CellB.Kernel, float>.Bptt(_pb.AsSpan(), _inputsB, _cachesB, _dOutputsB, _dInitialB, _gb.AsSpan());
        return loss;
    }

    // A's sequence through the contract with TKernel's step members (A's sizes either way, so the buffers are shared).
    private double ContractBptt<TKernel>()
        where TKernel : struct, IRecurrentKernel<TKernel, double>
    {
        Recurrent<TKernel, double>.ForwardSequence(_flatPa, _flatXs, _initial, _final, _caches, _outputs);
        double loss = Losses<TKernel, double>.SquaredError(_outputs, _flatYs, _dOutputs);
        Recurrent<TKernel, double>.Bptt(_flatPa, _flatXs, _caches, _dOutputs, _dInitial, default, _dpa);
        return loss;
    }
}
