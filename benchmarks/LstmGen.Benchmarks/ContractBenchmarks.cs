using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LstmGen.Kernels;

namespace LstmGen.Benchmarks;

/// <summary>
/// The cell contract's generic path (<see cref="Recurrent{TKernel, T}"/> over a generated <c>Kernel</c>, whose step
/// math is the runtime's generic kernels: loops for A, SIMD for B, whose cell is resolved to SIMD) against the generated
/// typed API of the same cell, on the same data: A's BPTT per timestep (generated code: unrolled), B's inference step
/// (generated: SIMD, the like-for-like comparison with the generic SIMD kernel, and generated loops) and B's BPTT per
/// timestep (one-hot inputs, class targets, softmax head: generated SIMD against the generic SIMD forward and backward);
/// C and D in ContractBenchmarks.BatchAndRnn.cs. The baseline of each category is the generated code.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public partial class ContractPath
{
    private CellA.Parameters _pa = null!;
    private CellA.Gradients _ga = null!;
    private CellA.Workspace _wa = null!;
    private CellA.Input[] _xs = null!;
    private CellA.Hidden[] _ys = null!;
    private double[] _flatPa = null!, _flatXs = null!, _flatYs = null!, _dpa = null!;
    private double[] _initial = null!, _final = null!, _caches = null!, _outputs = null!, _dOutputs = null!, _dInitial = null!;

    private CellB.Parameters _pb = null!;
    private CellBLoops.Parameters _pbLoops = null!;
    private float[] _flatPb = null!, _xb = null!, _stateB = null!;
    private CellB.Input _inputB;
    private CellBLoops.Input _inputBLoops;
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
        _xs = [.. Enumerable.Range(0, Data.Steps).Select(t => CellA.Input.FromSpan(_flatXs.AsSpan(t * CellA.InputSize, CellA.InputSize)))];
        _ys = [.. Enumerable.Range(0, Data.Steps).Select(t => CellA.Hidden.FromSpan(_flatYs.AsSpan(t * CellA.HiddenSize, CellA.HiddenSize)))];
        _dpa = new double[CellA.ParameterCount];
        int s = Recurrent<CellA.Kernel, double>.StateLength;
        (_initial, _final, _dInitial) = (new double[s], new double[s], new double[s]);
        _caches = new double[Data.Steps * Recurrent<CellA.Kernel, double>.CacheLength];
        (_outputs, _dOutputs) = (new double[Data.Steps * CellA.HiddenSize], new double[Data.Steps * CellA.HiddenSize]);

        _flatPb = Data.Uniform<float>(4, CellB.ParameterCount, 0.088);
        _pb = new CellB.Parameters(_flatPb);
        _pbLoops = new CellBLoops.Parameters(_flatPb);
        _xb = Data.Uniform<float>(5, CellB.InputSize, 1.0);
        _inputB = CellB.Input.FromSpan(_xb);
        _inputBLoops = CellBLoops.Input.FromSpan(_xb);
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
    }

    [Benchmark(Baseline = true, Description = "generated LossAndGradients (unrolled)", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("A BPTT per timestep")]
    public double GeneratedBpttA() => CellA.LossAndGradients(_pa, _xs, _ys, CellA.State.Zero, _wa, _ga).Loss;

    [Benchmark(Description = "contract forward + loss + BPTT (generic loops)", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("A BPTT per timestep")]
    public double ContractBpttA()
    {
        Recurrent<CellA.Kernel, double>.ForwardSequence(_flatPa, _flatXs, _initial, _final, _caches, _outputs);
        double loss = Losses<CellA.Kernel, double>.SquaredError(_outputs, _flatYs, _dOutputs);
        Recurrent<CellA.Kernel, double>.Bptt(_flatPa, _flatXs, _caches, _dOutputs, _dInitial, default, _dpa);
        return loss;
    }

    [Benchmark(Baseline = true, Description = "generated Step (SIMD)")]
    [BenchmarkCategory("B inference")]
    public float GeneratedStepB()
    {
        _sb = CellB.Step(_pb, _inputB, _sb);
        return _sb.H[0];
    }

    [Benchmark(Description = "generated Step (loops)")]
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

    [Benchmark(Baseline = true, Description = "generated CrossEntropyLossAndGradients (SIMD)", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("B BPTT per timestep")]
    public float GeneratedBpttB() => CellB.CrossEntropyLossAndGradients(_pb, _inputsB, _targetsB, CellB.State.Zero, _wb, _gb).Loss;

    // dp is cleared first: the contract accumulates, the generated call starts its gradients from zero. p and dp are the
    // generated objects' arrays, so both sides read and write the same memory (the same cache-line splits).
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
}
