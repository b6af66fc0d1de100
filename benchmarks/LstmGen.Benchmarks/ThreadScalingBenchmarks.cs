using BenchmarkDotNet.Attributes;
using LstmGen.Benchmarks.Baselines;
using LstmGen.Models;
using LstmGen.Parallel;

namespace LstmGen.Benchmarks;

/// <summary>
/// Thread scaling of the data-parallel trainers (<see cref="ParallelCellTrainer{T}"/>, <see cref="ParallelModelTrainer{T}"/>):
/// one training step's gradient (forward, cross-entropy at every step, BPTT, fixed-order reduction) of a batch of
/// m = 32 sequences of T = 25 steps, per timestep, on 1 thread and on every core. The target: C on all cores at
/// least 1.8× faster than on one thread on 2 cores. C also runs the cell's own one-thread batch (the baseline), so the
/// trainer's cost at one thread (gather, row-wise loss, reduction) shows in the same run.
/// </summary>
public abstract class ThreadScaling
{
    protected const int Batch = 32;

    /// <summary>1, and every core of this machine.</summary>
    public static IEnumerable<int> ThreadCounts => Environment.ProcessorCount > 1 ? [1, Environment.ProcessorCount] : [1];

    [ParamsSource(nameof(ThreadCounts))]
    public int Threads { get; set; }
}

/// <summary>C: LSTM 10 one-hot → 128, softmax head V = 10, float (CellB), m = 32.</summary>
[MemoryDiagnoser]
public class ThreadScalingC : ThreadScaling
{
    private ParallelCellTrainer<float> _trainer = null!;
    private float[] _p = null!, _dp = null!;
    private int[] _inputs = null!, _classes = null!;
    private CellB.Parameters _typedP = null!;
    private CellB.Gradients _grads = null!;
    private CellB.Workspace _workspace = null!;

    [GlobalSetup]
    public void Setup()
    {
        _p = Data.Uniform<float>(1, CellB.ParameterCount, 1 / Math.Sqrt(CellB.HiddenSize));
        _dp = new float[CellB.ParameterCount];
        _inputs = Data.Classes(2, Data.Steps * Batch, CellB.InputSize);
        _classes = Data.Classes(3, Data.Steps * Batch, CellB.OutputSize);
        _trainer = new ParallelCellTrainer<float>(RecurrentCell<CellB.Kernel, float>.Instance, Data.Steps, Batch, Threads);
        (_typedP, _grads, _workspace) = (new CellB.Parameters(_p), new CellB.Gradients(), new CellB.Workspace(Data.Steps, Batch));
        JitWarmup.Run(this);
    }

    [GlobalCleanup]
    public void Cleanup() => _trainer.Dispose();

    [Benchmark(Description = "C trainer Gradient (m = 32), per timestep", OperationsPerInvoke = Data.Steps)]
    public float Trainer()
    {
        Array.Clear(_dp);
        return _trainer.Gradient(_p, _inputs, Batch, default, default, _classes, default, default, _dp, BatchReduction.Sum);
    }

    [Benchmark(Baseline = true, Description = "C cell's own batch, one thread (CrossEntropyLossAndGradientsBatch)", OperationsPerInvoke = Data.Steps)]
    public float OneThreadBatch() =>
        CellB.CrossEntropyLossAndGradientsBatch(_typedP, _inputs, _classes, Batch, BatchReduction.Sum, _workspace, _grads);

    [Benchmark(Description = "Bound: single-core FMA peak of C's GEMM work (m = 32), per timestep")]
    public float FmaPeak() => BoundKernels.FmaPeak(GemmWork.VectorFmas(GemmWork.Lstm, Batch));
}

/// <summary>E: the two-layer LSTM model (10 → 128 → 128, softmax head V = 10, float; ModelE), m = 32 one-hot vectors.</summary>
[MemoryDiagnoser]
public class ThreadScalingE : ThreadScaling
{
    private ParallelModelTrainer<float> _trainer = null!;
    private float[] _p = null!, _dp = null!, _xs = null!;
    private int[] _classes = null!;

    private static RecurrentModel<float> Model => ModelE.Model;

    [GlobalSetup]
    public void Setup()
    {
        _p = Data.Uniform<float>(1, Model.ParameterCount, 1 / Math.Sqrt(128));
        _dp = new float[Model.ParameterCount];
        int[] inputs = Data.Classes(2, Data.Steps * Batch, Model.InputSize);
        _xs = new float[inputs.Length * Model.InputSize];
        for (int k = 0; k < inputs.Length; k++)
        {
            _xs[(k * Model.InputSize) + inputs[k]] = 1;
        }

        _classes = Data.Classes(3, Data.Steps * Batch, Model.OutputSize);
        _trainer = new ParallelModelTrainer<float>(Model, Data.Steps, Batch, Threads);
        JitWarmup.Run(this);
    }

    [GlobalCleanup]
    public void Cleanup() => _trainer.Dispose();

    [Benchmark(Description = "E trainer Gradient (two-layer LSTM, m = 32), per timestep", OperationsPerInvoke = Data.Steps)]
    public float Trainer()
    {
        Array.Clear(_dp);
        return _trainer.Gradient(_p, _xs, Batch, default, default, _classes, default, default, default, _dp, BatchReduction.Sum);
    }

    [Benchmark(Description = "Bound: single-core FMA peak of E's GEMM work (m = 32), per timestep")]
    public float FmaPeak() => BoundKernels.FmaPeak(GemmWork.VectorFmas(GemmWork.TwoLayerLstm, Batch));
}

/// <summary>F: GRU 10 one-hot → 128, softmax head V = 10, float (CellF), m = 32.</summary>
[MemoryDiagnoser]
public class ThreadScalingF : ThreadScaling
{
    private ParallelCellTrainer<float> _trainer = null!;
    private float[] _p = null!, _dp = null!;
    private int[] _inputs = null!, _classes = null!;

    [GlobalSetup]
    public void Setup()
    {
        _p = Data.Uniform<float>(1, CellF.ParameterCount, 1 / Math.Sqrt(CellF.HiddenSize));
        _dp = new float[CellF.ParameterCount];
        _inputs = Data.Classes(2, Data.Steps * Batch, CellF.InputSize);
        _classes = Data.Classes(3, Data.Steps * Batch, CellF.OutputSize);
        _trainer = new ParallelCellTrainer<float>(RecurrentCell<CellF.Kernel, float>.Instance, Data.Steps, Batch, Threads);
        JitWarmup.Run(this);
    }

    [GlobalCleanup]
    public void Cleanup() => _trainer.Dispose();

    [Benchmark(Description = "F trainer Gradient (GRU, m = 32), per timestep", OperationsPerInvoke = Data.Steps)]
    public float Trainer()
    {
        Array.Clear(_dp);
        return _trainer.Gradient(_p, _inputs, Batch, default, default, _classes, default, default, _dp, BatchReduction.Sum);
    }

    [Benchmark(Description = "Bound: single-core FMA peak of F's GEMM work (m = 32), per timestep")]
    public float FmaPeak() => BoundKernels.FmaPeak(GemmWork.VectorFmas(GemmWork.Gru, Batch));
}
