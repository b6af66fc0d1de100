using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using LstmGen.Kernels;

namespace LstmGen.Benchmarks;

/// <summary>
/// <c>--probe-threshold</c>: unrolled against SIMD kernels around the unroll budget (the pairs of ThresholdCells.cs), for
/// the streaming step (per call), the forward sequence and forward + squared-error loss + BPTT (both per timestep over
/// T = 25).
/// <para>
/// How it measures, and why. Each operation is a <see cref="Subject"/> whose timed loop calls the cell's contract: the
/// step as <c>TKernel.Step</c> directly (a static call the JIT specialises, like the typed API's), the sequences through
/// the cell's <see cref="IRecurrentCell{T}"/> (one interface call per sequence, the same for both strategies), over flat
/// arrays allocated once. Every subject is warmed up for 0.5 s first, long enough for tiered compilation to promote the
/// kernels and the loop itself (tier 1 / OSR). Then <see cref="Rounds"/> rounds run every subject in a fresh random order
/// (so drift of the machine's load, caches and frequency does not favour whichever runs first), each subject
/// <see cref="BatchesPerRound"/> batches of at least 50 µs. Printed: the minimum and the median of all batches, per
/// operation.
/// </para>
/// <para>
/// The earlier probe timed a lambda that captured the state and wrote it back through the closure, ran the pairs in a
/// fixed order right after each other, and took the minimum of one run; it reported SIMD Step at 869 ns (3x5) and 987 ns
/// (6x8), which a standalone Stopwatch harness did not reproduce (244 / 151 ns).
/// </para>
/// </summary>
internal static class ThresholdProbe
{
    private const int Rounds = 12;
    private const int BatchesPerRound = 15;
    private static readonly TimeSpan WarmUp = TimeSpan.FromMilliseconds(500);

    public static void Run()
    {
        var subjects = new List<Subject>();
        foreach (ThresholdPair pair in ThresholdCells.Pairs)
        {
            subjects.AddRange(pair.Unrolled);
            subjects.AddRange(pair.Simd);
        }

        foreach (Subject subject in subjects)
        {
            subject.WarmUp(WarmUp);
        }

        var random = new Random(20251125);
        for (int round = 0; round < Rounds; round++)
        {
            foreach (Subject subject in subjects.OrderBy(_ => random.Next()))
            {
                subject.Measure(BatchesPerRound);
            }
        }

        Console.WriteLine($"{"cell",-18} {"MAs",5} {"operation",-20} {"unrolled min",13} {"median",9} {"SIMD min",10} {"median",9} {"SIMD/unrolled (median)",23}");
        foreach (ThresholdPair pair in ThresholdCells.Pairs)
        {
            foreach (string operation in new[] { "Step", "ForwardSequence/t", "Loss + BPTT/t" })
            {
                Subject unrolled = pair.Unrolled.Single(s => s.Operation == operation);
                Subject simd = pair.Simd.Single(s => s.Operation == operation);
                Console.WriteLine(
                    $"{pair.Label,-18} {pair.MultiplyAdds,5} {operation,-20} {unrolled.Min,10:N1} ns {unrolled.Median,9:N1} {simd.Min,7:N1} ns {simd.Median,9:N1} {simd.Median / unrolled.Median,23:N2}");
            }
        }
    }

    /// <summary>The three subjects of one cell: its step, its forward sequence, its loss and BPTT.</summary>
    public static Subject[] Subjects<TKernel, T>()
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = TKernel.InputSize, h = TKernel.HiddenSize, s = Recurrent<TKernel, T>.StateLength;
        T[] p = Data.Uniform<T>(1, new CellLayout(TKernel.Kind, d, h, TKernel.OutputSize).ParameterCount, 0.3);
        T[] xs = [.. Enumerable.Range(0, Data.Steps).SelectMany(t => Data.Uniform<T>(t, d, 1.0))];
        T[] ys = [.. Enumerable.Range(0, Data.Steps).SelectMany(t => Data.Uniform<T>(100 + t, h, 0.5))];
        IRecurrentCell<T> cell = RecurrentCell<TKernel, T>.Instance;
        string name = typeof(TKernel).DeclaringType?.Name ?? typeof(TKernel).Name;
        return
        [
            new StepSubject<TKernel, T>(name, p, xs[..d], s),
            new ForwardSubject<T>(name, cell, p, xs, s, Recurrent<TKernel, T>.CacheLength, h),
            new LossSubject<T>(name, cell, p, xs, ys, s, Recurrent<TKernel, T>.CacheLength, h),
        ];
    }

    /// <summary>One operation of one cell, with its batches' times per operation (ns).</summary>
    internal abstract class Subject(string cell, string operation, int operations)
    {
        private readonly List<double> _samples = [];
        private int _calls = 1;

        public string Cell { get; } = cell;

        public string Operation { get; } = operation;

        public double Min => _samples.Min();

        public double Median
        {
            get
            {
                double[] sorted = [.. _samples.Order()];
                return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
            }
        }

        /// <summary>Runs for <paramref name="duration"/>, then sizes a batch to at least 50 µs.</summary>
        public void WarmUp(TimeSpan duration)
        {
            long start = Stopwatch.GetTimestamp();
            long calls = 0;
            while (Stopwatch.GetElapsedTime(start) < duration)
            {
                RunBatch(64);
                calls += 64;
            }

            double perCall = Stopwatch.GetElapsedTime(start).TotalNanoseconds / calls;
            _calls = Math.Max(1, (int)Math.Ceiling(50_000 / perCall));
        }

        public void Measure(int batches)
        {
            for (int b = 0; b < batches; b++)
            {
                long start = Stopwatch.GetTimestamp();
                RunBatch(_calls);
                _samples.Add(Stopwatch.GetElapsedTime(start).TotalNanoseconds / _calls / operations);
            }
        }

        /// <summary>Calls the operation <paramref name="calls"/> times in a plain loop.</summary>
        protected abstract void RunBatch(int calls);
    }

    private sealed class StepSubject<TKernel, T>(string cell, T[] p, T[] x, int stateLength) : Subject(cell, "Step", 1)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private T[] _state = new T[stateLength], _next = new T[stateLength];

        [MethodImpl(MethodImplOptions.NoInlining)]
        protected override void RunBatch(int calls)
        {
            T[] state = _state, next = _next;
            for (int i = 0; i < calls; i++)
            {
                TKernel.Step(p, x, state, next);
                (state, next) = (next, state);
            }

            (_state, _next) = (state, next);
        }
    }

    private sealed class ForwardSubject<T>(string cell, IRecurrentCell<T> recurrent, T[] p, T[] xs, int stateLength, int cacheLength, int hidden)
        : Subject(cell, "ForwardSequence/t", Data.Steps)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly T[] _initial = new T[stateLength], _final = new T[stateLength];
        private readonly T[] _caches = new T[Data.Steps * cacheLength], _outputs = new T[Data.Steps * hidden];

        [MethodImpl(MethodImplOptions.NoInlining)]
        protected override void RunBatch(int calls)
        {
            for (int i = 0; i < calls; i++)
            {
                recurrent.ForwardSequence(p, xs, _initial, _final, _caches, _outputs);
            }
        }
    }

    // Forward, the squared-error loss against ys and BPTT into dp: the work of LossAndGradients.
    private sealed class LossSubject<T>(string cell, IRecurrentCell<T> recurrent, T[] p, T[] xs, T[] ys, int stateLength, int cacheLength, int hidden)
        : Subject(cell, "Loss + BPTT/t", Data.Steps)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly T[] _initial = new T[stateLength], _final = new T[stateLength], _dInitial = new T[stateLength];
        private readonly T[] _caches = new T[Data.Steps * cacheLength], _outputs = new T[Data.Steps * hidden], _dOutputs = new T[Data.Steps * hidden];
        private readonly T[] _dxs = new T[xs.Length], _dp = new T[p.Length];

        [MethodImpl(MethodImplOptions.NoInlining)]
        protected override void RunBatch(int calls)
        {
            for (int i = 0; i < calls; i++)
            {
                recurrent.ForwardSequence(p, xs, _initial, _final, _caches, _outputs);
                recurrent.SquaredError(_outputs, ys, _dOutputs);
                recurrent.Bptt(p, xs, _caches, _dOutputs, _dInitial, _dxs, _dp);
            }
        }
    }
}
