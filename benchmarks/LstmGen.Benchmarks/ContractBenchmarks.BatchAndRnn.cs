using BenchmarkDotNet.Attributes;
using LstmGen.Kernels;

namespace LstmGen.Benchmarks;

/// <summary>
/// C (B's cell, batch m = 32: one batched forward step, and BPTT per timestep of the whole batch) and D (tanh RNN
/// 10→128 float with the softmax head: inference step, BPTT per timestep), generated SIMD code against the contract's
/// generic SIMD path on the same data (one-hot inputs and class targets, as ConfigC and ConfigD) and the same parameter
/// and gradient arrays (the generated objects' spans: vector loads then split cache lines alike on both sides).
/// </summary>
public partial class ContractPath
{
    private const int BatchC = 32;

    private CellB.State[] _statesC = null!;
    private float[] _stepCachesC = null!;
    private CellB.Workspace _wc = null!;
    private int[] _stepInputsC = null!, _inputsC = null!, _targetsC = null!;
    private float[] _stateFlatC = null!, _stepCacheFlatC = null!, _stepOutputsC = null!;
    private float[] _finalC = null!, _cachesC = null!, _outputsC = null!, _dOutputsC = null!, _dInitialC = null!;

    private CellD.Parameters _pd = null!;
    private CellD.Gradients _gd = null!;
    private CellD.Workspace _wd = null!;
    private CellD.State _sd;
    private int[] _inputsD = null!, _targetsD = null!;
    private float[] _stateD = null!, _initialD = null!, _finalD = null!, _cachesD = null!, _outputsD = null!, _dOutputsD = null!, _dInitialD = null!;

    [Benchmark(Baseline = true, Description = "generated ForwardBatch (SIMD, m = 32)")]
    [BenchmarkCategory("C forward step (batch 32)")]
    public float GeneratedStepC()
    {
        CellB.ForwardBatch(_pb, _stepInputsC, _statesC, _statesC, _stepCachesC);
        return _statesC[0].H[0];
    }

    [Benchmark(Description = "contract ForwardSequenceBatch, T = 1 (generic SIMD, m = 32)")]
    [BenchmarkCategory("C forward step (batch 32)")]
    public float ContractStepC()
    {
        Recurrent<CellB.Kernel, float>.ForwardSequenceBatch(_pb.AsSpan(), _stepInputsC, BatchC, _stateFlatC, _stateFlatC, _stepCacheFlatC, _stepOutputsC);
        return _stateFlatC[0];
    }

    [Benchmark(Baseline = true, Description = "generated CrossEntropyLossAndGradientsBatch (SIMD, m = 32)", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("C BPTT per timestep (batch 32)")]
    public float GeneratedBpttC() =>
        CellB.CrossEntropyLossAndGradientsBatch(_pb, _inputsC, _targetsC, BatchC, BatchReduction.Sum, _wc, _gb);

    // dp is cleared first: the contract accumulates, the generated call starts its gradients from zero.
    [Benchmark(Description = "contract forward + cross-entropy + BPTT (generic SIMD, m = 32)", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("C BPTT per timestep (batch 32)")]
    public float ContractBpttC()
    {
        _gb.Clear();
        Recurrent<CellB.Kernel, float>.ForwardSequenceBatch(_pb.AsSpan(), _inputsC, BatchC, default, _finalC, _cachesC, _outputsC);
        float loss = Losses<CellB.Kernel, float>.CrossEntropy(_pb.AsSpan(), _outputsC, _targetsC, _dOutputsC, _gb.AsSpan(), BatchReduction.Sum, BatchC);
        Recurrent<CellB.Kernel, float>.BpttBatch(_pb.AsSpan(), _inputsC, BatchC, _cachesC, _dOutputsC, _dInitialC, _gb.AsSpan());
        return loss;
    }

    [Benchmark(Baseline = true, Description = "generated StepOneHot (SIMD)")]
    [BenchmarkCategory("D inference")]
    public float GeneratedStepD()
    {
        _sd = CellD.StepOneHot(_pd, 3, _sd);
        return _sd.H[0];
    }

    [Benchmark(Description = "contract StepOneHot (generic SIMD)")]
    [BenchmarkCategory("D inference")]
    public float ContractStepD()
    {
        Recurrent<CellD.Kernel, float>.StepOneHot(_pd.AsSpan(), 3, _stateD, _stateD);
        return _stateD[0];
    }

    [Benchmark(Baseline = true, Description = "generated CrossEntropyLossAndGradients (SIMD)", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("D BPTT per timestep")]
    public float GeneratedBpttD() => CellD.CrossEntropyLossAndGradients(_pd, _inputsD, _targetsD, CellD.State.Zero, _wd, _gd).Loss;

    [Benchmark(Description = "contract forward + cross-entropy + BPTT (generic SIMD)", OperationsPerInvoke = Data.Steps)]
    [BenchmarkCategory("D BPTT per timestep")]
    public float ContractBpttD()
    {
        _gd.Clear();
        Recurrent<CellD.Kernel, float>.ForwardSequence(_pd.AsSpan(), _inputsD, _initialD, _finalD, _cachesD, _outputsD);
        float loss = Losses<CellD.Kernel, float>.CrossEntropy(_pd.AsSpan(), _outputsD, _targetsD, _dOutputsD, _gd.AsSpan());
        Recurrent<CellD.Kernel, float>.Bptt(_pd.AsSpan(), _inputsD, _cachesD, _dOutputsD, _dInitialD, _gd.AsSpan());
        return loss;
    }

    // C as ConfigC sets it up (one-hot inputs, class targets, T = Data.Steps, m = 32); D as ConfigD.
    private void SetupBatchAndRnn()
    {
        int s = Recurrent<CellB.Kernel, float>.StateLength, c = Recurrent<CellB.Kernel, float>.CacheLength, h = CellB.HiddenSize;
        _statesC = new CellB.State[BatchC];
        _stepCachesC = new float[BatchC * CellB.CacheLength];
        _stepInputsC = Data.Classes(6, BatchC, CellB.InputSize);
        (_stateFlatC, _stepCacheFlatC, _stepOutputsC) = (new float[BatchC * s], new float[BatchC * c], new float[BatchC * h]);
        _wc = new CellB.Workspace(Data.Steps, BatchC);
        _inputsC = Data.Classes(2, Data.Steps * BatchC, CellB.InputSize);
        _targetsC = Data.Classes(3, Data.Steps * BatchC, CellB.OutputSize);
        (_finalC, _dInitialC) = (new float[BatchC * s], new float[BatchC * s]);
        _cachesC = new float[Data.Steps * BatchC * c];
        (_outputsC, _dOutputsC) = (new float[Data.Steps * BatchC * h], new float[Data.Steps * BatchC * h]);

        (_pd, _gd, _wd) = (new CellD.Parameters(Data.Uniform<float>(1, CellD.ParameterCount, 1 / Math.Sqrt(CellD.HiddenSize))), new CellD.Gradients(), new CellD.Workspace(Data.Steps));
        _inputsD = Data.Classes(2, Data.Steps, CellD.InputSize);
        _targetsD = Data.Classes(3, Data.Steps, CellD.OutputSize);
        int sd = Recurrent<CellD.Kernel, float>.StateLength;
        (_stateD, _initialD, _finalD, _dInitialD) = (new float[sd], new float[sd], new float[sd], new float[sd]);
        _cachesD = new float[Data.Steps * Recurrent<CellD.Kernel, float>.CacheLength];
        (_outputsD, _dOutputsD) = (new float[Data.Steps * CellD.HiddenSize], new float[Data.Steps * CellD.HiddenSize]);
    }
}

/// <summary>C's BPTT split into its parts for <c>--probe-contract</c> (not benchmarks): the forward pass, the head's cross-entropy and BPTT alone, over the first <see cref="Steps"/> steps.</summary>
public partial class ContractPath
{
    internal const int Steps = 2;

    internal float GeneratedForwardC()
    {
        int n = Steps * BatchC;
        CellB.ForwardSequenceBatch(_pb, _inputsC.AsSpan(0, n), BatchC, default, Rows<CellB.State>(_wc.States)[..BatchC], _wc.Caches[..(n * CellB.CacheLength)], Rows<Vec128<float>>(_wc.Outputs)[..n]);
        return _wc.Outputs[0];
    }

    internal float ContractForwardC()
    {
        int n = Steps * BatchC;
        Recurrent<CellB.Kernel, float>.ForwardSequenceBatch(_pb.AsSpan(), _inputsC.AsSpan(0, n), BatchC, default, _finalC, _cachesC.AsSpan(0, n * Recurrent<CellB.Kernel, float>.CacheLength), _outputsC.AsSpan(0, n * CellB.HiddenSize));
        return _outputsC[0];
    }

    internal float GeneratedHeadC()
    {
        int n = Steps * BatchC;
        return CellB.CrossEntropyLoss(_pb, Rows<Vec128<float>>(_wc.Outputs)[..n], _targetsC.AsSpan(0, n), Rows<Vec128<float>>(_wc.OutputGradients)[..n], _gb);
    }

    internal float ContractHeadC()
    {
        int n = Steps * BatchC;
        return Losses<CellB.Kernel, float>.CrossEntropy(_pb.AsSpan(), _outputsC.AsSpan(0, n * CellB.HiddenSize), _targetsC.AsSpan(0, n), _dOutputsC.AsSpan(0, n * CellB.HiddenSize), _gb.AsSpan(), BatchReduction.Sum, BatchC);
    }

    internal float GeneratedBackwardC()
    {
        int n = Steps * BatchC;
        CellB.BpttBatch(_pb, _inputsC.AsSpan(0, n), _wc.Caches[..(n * CellB.CacheLength)], Rows<Vec128<float>>(_wc.OutputGradients)[..n], BatchC, _gb, default);
        return _gb.AsSpan()[0];
    }

    internal float ContractBackwardC()
    {
        int n = Steps * BatchC;
        Recurrent<CellB.Kernel, float>.BpttBatch(_pb.AsSpan(), _inputsC.AsSpan(0, n), BatchC, _cachesC.AsSpan(0, n * Recurrent<CellB.Kernel, float>.CacheLength), _dOutputsC.AsSpan(0, n * CellB.HiddenSize), _dInitialC, _gb.AsSpan());
        return _gb.AsSpan()[0];
    }
}

/// <summary>D's BPTT split into its parts for <c>--probe-contract</c> (not benchmarks), over all <see cref="Data.Steps"/> steps.</summary>
public partial class ContractPath
{
    internal float GeneratedForwardD()
    {
        CellD.ForwardSequence(_pd, _inputsD, CellD.State.Zero, _wd.Caches[..(Data.Steps * CellD.CacheLength)], Rows<Vec128<float>>(_wd.Outputs)[..Data.Steps]);
        return _wd.Outputs[0];
    }

    internal float ContractForwardD()
    {
        Recurrent<CellD.Kernel, float>.ForwardSequence(_pd.AsSpan(), _inputsD, _initialD, _finalD, _cachesD, _outputsD);
        return _outputsD[0];
    }

    internal float GeneratedHeadD() => CellD.CrossEntropyLoss(_pd, Rows<Vec128<float>>(_wd.Outputs)[..Data.Steps], _targetsD, Rows<Vec128<float>>(_wd.OutputGradients)[..Data.Steps], _gd);

    internal float ContractHeadD() => Losses<CellD.Kernel, float>.CrossEntropy(_pd.AsSpan(), _outputsD, _targetsD, _dOutputsD, _gd.AsSpan());

    internal float GeneratedBackwardD()
    {
        CellD.Bptt(_pd, _inputsD, _wd.Caches[..(Data.Steps * CellD.CacheLength)], Rows<Vec128<float>>(_wd.OutputGradients)[..Data.Steps], _gd);
        return _gd.AsSpan()[0];
    }

    internal float ContractBackwardD()
    {
        Recurrent<CellD.Kernel, float>.Bptt(_pd.AsSpan(), _inputsD, _cachesD, _dOutputsD, _dInitialD, _gd.AsSpan());
        return _gd.AsSpan()[0];
    }
}

/// <summary>Typed rows of a flat workspace buffer.</summary>
public partial class ContractPath
{
    private static Span<TRow> Rows<TRow>(Span<float> values)
        where TRow : struct => System.Runtime.InteropServices.MemoryMarshal.Cast<float, TRow>(values);
}
