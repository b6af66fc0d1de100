using System.Diagnostics.Tracing;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace LstmGen.UnrollLimit.Cells;

/// <summary>
/// <c>--tiers &lt;cell&gt;</c>: has the JIT compile every method of the cell's <c>Kernel</c>
/// (<see cref="RuntimeHelpers.PrepareMethod(RuntimeMethodHandle)"/>) and prints, one line per method, the optimisation
/// tier the runtime reports in its JIT events (<c>MethodLoadVerbose</c>: bits 7–9 of <c>MethodFlags</c>; 1 is
/// MinOptJitted, 2 Optimized). Meant to run with <c>DOTNET_TieredCompilation=0</c>, so that every method is compiled
/// optimised unless the JIT itself switches it to MinOpts for its size. Two controls come first: dynamic methods of
/// straight-line IL just under and just over the JIT's 20,000-instruction switch, so that a test can see that the events
/// do tell the two apart on this runtime.
/// </summary>
internal static class JitTiers
{
    /// <summary>The tier names of the runtime's <c>MethodFlags</c> (ClrEtwAll.man, OptimizationTier).</summary>
    private static readonly string[] TierNames =
        ["Unknown", "MinOptJitted", "Optimized", "QuickJitted", "OptimizedTier1", "ReadyToRun", "PreJIT", "QuickJittedInstrumented"];

    public static int Run(string cell)
    {
        Type? kernel = typeof(JitTiers).Assembly.GetType($"LstmGen.UnrollLimit.Cells.{cell}+Kernel");
        if (kernel is null)
        {
            Console.Error.WriteLine($"no cell named {cell}");
            return 2;
        }

        using var events = new JitEvents();
        Print("control-under", events.TierOf(ControlName(Control.UnderInstructions), () => CompileControl(Control.UnderInstructions)));
        Print("control-over", events.TierOf(ControlName(Control.OverInstructions), () => CompileControl(Control.OverInstructions)));
        foreach (MethodInfo method in kernel.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
        {
            if (method.GetMethodBody() is not null)
            {
                Print(method.Name, events.TierOf(method.Name, () => RuntimeHelpers.PrepareMethod(method.MethodHandle)));
            }
        }

        return 0;
    }

    private static void Print(string method, int tier) =>
        Console.WriteLine($"tier {method} {(tier >= 0 && tier < TierNames.Length ? TierNames[tier] : $"tier{tier}")}");

    private static string ControlName(int instructions) => $"Control{instructions}";

    // ldc.i4.0, then (ldc.i4.1, add) until the method has `instructions` IL instructions with its ret; called once.
    private static void CompileControl(int instructions)
    {
        var method = new DynamicMethod(ControlName(instructions), typeof(int), Type.EmptyTypes, typeof(JitTiers).Module);
        ILGenerator il = method.GetILGenerator();
        il.Emit(OpCodes.Ldc_I4_0);
        for (int i = 0; i < (instructions - 2) / 2; i++)
        {
            il.Emit(OpCodes.Ldc_I4_1);
            il.Emit(OpCodes.Add);
        }

        il.Emit(OpCodes.Ret);
        _ = ((Func<int>)method.CreateDelegate(typeof(Func<int>)))();
    }

    /// <summary>The controls' sizes, in IL instructions, either side of the JIT's switch at 20,000.</summary>
    private static class Control
    {
        public const int UnderInstructions = 19_000;
        public const int OverInstructions = 21_000;
    }

    /// <summary>Collects the tier of each method the JIT loads, by name, from the runtime's own event source.</summary>
    private sealed class JitEvents : EventListener
    {
        private const EventKeywords JitKeyword = (EventKeywords)0x10;
        private readonly Dictionary<string, int> _tiers = [];

        /// <summary>
        /// Runs <paramref name="compile"/> and returns the tier reported for <paramref name="name"/>, or -1 if no event
        /// came within 10 s (the runtime delivers its events to listeners asynchronously, from a session thread).
        /// </summary>
        public int TierOf(string name, Action compile)
        {
            compile();
            DateTime deadline = DateTime.UtcNow.AddSeconds(10);
            lock (_tiers)
            {
                while (!_tiers.ContainsKey(name) && DateTime.UtcNow < deadline)
                {
                    Monitor.Wait(_tiers, TimeSpan.FromMilliseconds(50));
                }

                return _tiers.Remove(name, out int tier) ? tier : -1;
            }
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, JitKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName?.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) != true || e.PayloadNames is null || e.Payload is null)
            {
                return;
            }

            string name = (string)e.Payload[e.PayloadNames.IndexOf("MethodName")]!;
            uint flags = Convert.ToUInt32(e.Payload[e.PayloadNames.IndexOf("MethodFlags")], System.Globalization.CultureInfo.InvariantCulture);
            lock (_tiers)
            {
                _tiers[name] = (int)((flags >> 7) & 0x7);
                Monitor.PulseAll(_tiers);
            }
        }
    }
}
