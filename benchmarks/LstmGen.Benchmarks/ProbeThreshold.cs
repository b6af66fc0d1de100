using System.Diagnostics;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LstmGen.Benchmarks;

/// <summary>
/// <c>--probe-threshold</c>: unrolled against SIMD kernels around the unroll budget (the pairs of ThresholdCells.cs), for
/// the streaming <c>Step</c> (per call), <c>ForwardSequence</c> and <c>LossAndGradients</c> (forward, squared-error loss
/// and BPTT; both per timestep over T = 25).
/// <para>
/// Since 0.2 no straight-line code is generated: a cell declared <c>Unrolled</c> runs the contract's generic loop
/// kernels, so the "unrolled" column measures those loops against the SIMD kernels at the same sizes.
/// </para>
/// <para>
/// How it measures, and why. Each operation is a <see cref="Subject"/> whose timed loop calls the generated method through
/// a delegate bound once to the static method (no closure: the loop reads the arguments from locals, and the state it
/// carries stays in a local), so the call costs the same for both strategies. Every subject is warmed up for 0.5 s first,
/// long enough for tiered compilation to promote the generated methods and the loop itself (tier 1 / OSR). Then
/// <see cref="Rounds"/> rounds run every subject in a fresh random order (so drift of the machine's load, caches and
/// frequency does not favour whichever runs first), each subject <see cref="BatchesPerRound"/> batches of at least 50 µs.
/// Printed: the minimum and the median of all batches, per operation.
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
            subjects.AddRange(Subjects(pair, simd: false));
            subjects.AddRange(Subjects(pair, simd: true));
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
            foreach (string operation in new[] { "Step", "ForwardSequence/t", "LossAndGradients/t" })
            {
                Subject unrolled = subjects.Single(s => s.Cell == pair.Unrolled && s.Operation == operation);
                Subject simd = subjects.Single(s => s.Cell == pair.Simd && s.Operation == operation);
                Console.WriteLine(
                    $"{pair.Label,-18} {pair.MultiplyAdds,5} {operation,-20} {unrolled.Min,10:N1} ns {unrolled.Median,9:N1} {simd.Min,7:N1} ns {simd.Median,9:N1} {simd.Median / unrolled.Median,23:N2}");
            }
        }
    }

    private static IEnumerable<Subject> Subjects(ThresholdPair pair, bool simd)
    {
        Type cell = simd ? pair.Simd : pair.Unrolled;
        Type Nested(string name) => cell.GetNestedType(name) ?? throw new InvalidOperationException($"{cell.Name} has no {name}.");
        Type parameters = Nested("Parameters");
        Type scalar = parameters.GetMethod("AsSpan")!.ReturnType.GetGenericArguments()[0];
        MethodInfo build = typeof(ThresholdProbe).GetMethod(nameof(Build), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(scalar, parameters, Nested("Input"), Nested("Hidden"), Nested("State"), Nested("Workspace"), Nested("Gradients"));
        return (Subject[])build.Invoke(null, [cell])!;
    }

    private static Subject[] Build<T, TP, TI, TH, TS, TW, TG>(Type cell)
        where T : unmanaged, IFloatingPoint<T>
        where TP : class, new()
        where TI : struct
        where TH : struct
        where TS : struct
        where TG : class, new()
    {
        int inputSize = (int)cell.GetField("InputSize")!.GetRawConstantValue()!;
        int hiddenSize = (int)cell.GetField("HiddenSize")!.GetRawConstantValue()!;
        int count = (int)cell.GetField("ParameterCount")!.GetRawConstantValue()!;
        int cacheLength = (int)cell.GetProperty("CacheLength")!.GetValue(null)!;
        var p = new TP();
        Data.Uniform<T>(1, count, 0.3).CopyTo(Bind<AsSpanFn<TP, T>>(typeof(TP).GetMethod("AsSpan")!)(p));
        TI[] xs = [.. Enumerable.Range(0, Data.Steps).Select(t => Vector<TI, T>(Data.Uniform<T>(t, inputSize, 1.0)))];
        TH[] ys = [.. Enumerable.Range(0, Data.Steps).Select(t => Vector<TH, T>(Data.Uniform<T>(100 + t, hiddenSize, 0.5)))];
        var workspace = (TW)Activator.CreateInstance(typeof(TW), Data.Steps, 1)!;
        var step = Bind<StepFn<TP, TI, TS>>(cell.GetMethod("Step", [typeof(TP), typeof(TI).MakeByRefType(), typeof(TS).MakeByRefType()])!);
        var forward = Bind<ForwardFn<T, TP, TI, TS, TH>>(
            cell.GetMethod("ForwardSequence", [typeof(TP), typeof(ReadOnlySpan<TI>), typeof(TS).MakeByRefType(), typeof(Span<T>), typeof(Span<TH>)])!);
        var loss = Bind<LossFn<T, TP, TI, TH, TS, TW, TG>>(
            cell.GetMethod("LossAndGradients", [typeof(TP), typeof(ReadOnlySpan<TI>), typeof(ReadOnlySpan<TH>), typeof(TS).MakeByRefType(), typeof(TW), typeof(TG)])!);
        return
        [
            new StepSubject<TP, TI, TS>(cell, step, p, xs[0]),
            new ForwardSubject<T, TP, TI, TS, TH>(cell, forward, p, xs, cacheLength),
            new LossSubject<T, TP, TI, TH, TS, TW, TG>(cell, loss, p, xs, ys, workspace, new TG()),
        ];
    }

    private static TD Bind<TD>(MethodInfo method)
        where TD : Delegate => (TD)Delegate.CreateDelegate(typeof(TD), method);

    /// <summary>A generated vector type (an inline array of <typeparamref name="T"/>) holding <paramref name="values"/>.</summary>
    private static TV Vector<TV, T>(T[] values)
        where TV : struct
        where T : unmanaged
    {
        TV vector = default;
        MemoryMarshal.AsBytes(values.AsSpan()).CopyTo(MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref vector, 1)));
        return vector;
    }

    private delegate Span<T> AsSpanFn<TP, T>(TP p);

    private delegate TS StepFn<TP, TI, TS>(TP p, in TI x, in TS state);

    private delegate TS ForwardFn<T, TP, TI, TS, TH>(TP p, ReadOnlySpan<TI> inputs, in TS initial, Span<T> caches, Span<TH> outputs);

    private delegate (T Loss, TS Final) LossFn<T, TP, TI, TH, TS, TW, TG>(TP p, ReadOnlySpan<TI> inputs, ReadOnlySpan<TH> targets, in TS initial, TW workspace, TG grads);

    /// <summary>One operation of one cell, with its batches' times per operation (ns).</summary>
    private abstract class Subject(Type cell, string operation, int operations)
    {
        private readonly List<double> _samples = [];
        private int _calls = 1;

        public Type Cell { get; } = cell;

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

    private sealed class StepSubject<TP, TI, TS>(Type cell, StepFn<TP, TI, TS> step, TP p, TI x) : Subject(cell, "Step", 1)
        where TS : struct
    {
        private TS _state;

        [MethodImpl(MethodImplOptions.NoInlining)]
        protected override void RunBatch(int calls)
        {
            StepFn<TP, TI, TS> call = step;
            TP parameters = p;
            TI input = x;
            TS state = _state;
            for (int i = 0; i < calls; i++)
            {
                state = call(parameters, input, state);
            }

            _state = state;
        }
    }

    private sealed class ForwardSubject<T, TP, TI, TS, TH>(Type cell, ForwardFn<T, TP, TI, TS, TH> forward, TP p, TI[] xs, int cacheLength)
        : Subject(cell, "ForwardSequence/t", Data.Steps)
        where TS : struct
    {
        private readonly T[] _caches = new T[xs.Length * cacheLength];   // [T × CacheLength], flat
        private readonly TH[] _outputs = new TH[xs.Length];

        [MethodImpl(MethodImplOptions.NoInlining)]
        protected override void RunBatch(int calls)
        {
            ForwardFn<T, TP, TI, TS, TH> call = forward;
            TP parameters = p;
            ReadOnlySpan<TI> inputs = xs;
            Span<T> caches = _caches;
            Span<TH> outputs = _outputs;
            TS initial = default;
            for (int i = 0; i < calls; i++)
            {
                call(parameters, inputs, initial, caches, outputs);
            }
        }
    }

    private sealed class LossSubject<T, TP, TI, TH, TS, TW, TG>(Type cell, LossFn<T, TP, TI, TH, TS, TW, TG> loss, TP p, TI[] xs, TH[] ys, TW workspace, TG grads)
        : Subject(cell, "LossAndGradients/t", Data.Steps)
        where TS : struct
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        protected override void RunBatch(int calls)
        {
            LossFn<T, TP, TI, TH, TS, TW, TG> call = loss;
            TP parameters = p;
            ReadOnlySpan<TI> inputs = xs;
            ReadOnlySpan<TH> targets = ys;
            TW scratch = workspace;
            TG accumulator = grads;
            TS initial = default;
            for (int i = 0; i < calls; i++)
            {
                call(parameters, inputs, targets, initial, scratch, accumulator);
            }
        }
    }
}
