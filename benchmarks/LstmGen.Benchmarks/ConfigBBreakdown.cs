using BenchmarkDotNet.Attributes;

namespace LstmGen.Benchmarks;

/// <summary>Where a timestep of B goes: the generated single-step functions one by one (float, D = 10 one-hot, H = 128, V = 10).</summary>
[MemoryDiagnoser]
public class ConfigBBreakdown
{
    private CellB.Parameters _p = null!;
    private CellB.Gradients _grads = null!;
    private float[] _caches = null!;   // [T × CacheLength]
    private Vec128<float>[] _outputs = null!, _dh = null!;
    private int[] _inputs = null!, _targets = null!;
    private CellB.State _state;

    [GlobalSetup]
    public void Setup()
    {
        _p = new CellB.Parameters(Data.Uniform<float>(1, CellB.ParameterCount, 1 / Math.Sqrt(CellB.HiddenSize)));
        _grads = new CellB.Gradients();
        _inputs = Data.Classes(2, Data.Steps, CellB.InputSize);
        _targets = Data.Classes(3, Data.Steps, CellB.OutputSize);
        (_caches, _outputs, _dh) = (new float[Data.Steps * CellB.CacheLength], new Vec128<float>[Data.Steps], new Vec128<float>[Data.Steps]);
        CellB.ForwardSequence(_p, _inputs, CellB.State.Zero, _caches, _outputs);
        CellB.CrossEntropyLoss(_p, _outputs, _targets, _dh, _grads);
        JitWarmup.Run(this);
    }

    [Benchmark(Description = "StepOneHot (no head)")]
    public float Step()
    {
        _state = CellB.StepOneHot(_p, 3, _state);
        return _state.H[0];
    }

    [Benchmark(Description = "HeadForward + Softmax")]
    public float Head() => CellB.Softmax(CellB.HeadForward(_p, _outputs[3]))[0];

    [Benchmark(Description = "ForwardSequence, per step", OperationsPerInvoke = Data.Steps)]
    public float ForwardSequence() => CellB.ForwardSequence(_p, _inputs, CellB.State.Zero, _caches, _outputs).H[0];

    [Benchmark(Description = "CrossEntropyLoss (head forward + backward), per step", OperationsPerInvoke = Data.Steps)]
    public float CrossEntropy() => CellB.CrossEntropyLoss(_p, _outputs, _targets, _dh, _grads);

    [Benchmark(Description = "Bptt, per step", OperationsPerInvoke = Data.Steps)]
    public float Bptt() => CellB.Bptt(_p, _inputs, _caches, _dh, _grads).Dh[0];
}
