namespace LstmGen.UnrollLimit.Cells;

/// <summary>
/// Calls every generated method of the cell named by the first argument once (its <c>Kernel</c>'s members, see
/// <see cref="KernelCalls"/>, then the typed API through the generic code its one-line forwards call, see
/// <see cref="TypedCalls"/>), with zero parameters, so the JIT compiles each (an <see cref="InvalidProgramException"/> is
/// the JIT refusing a method). Prints one line per call; exit code 0 when every call returned, 1 when one threw (the
/// exception is printed), 2 for an unknown cell name. <c>--tiers &lt;cell&gt;</c> prints the JIT's optimisation tier of
/// each <c>Kernel</c> member instead (<see cref="JitTiers"/>).
/// </summary>
public static class Program
{
    /// <summary>The cells, by name.</summary>
    public static readonly IReadOnlyDictionary<string, Action> Cells = new Dictionary<string, Action>
    {
        [nameof(LstmAtLimitDouble)] = () => TypedCalls.Run<LstmAtLimitDouble.Kernel, double, Vec19<double>, Vec8<double>, LstmAtLimitDouble.State, LstmAtLimitDouble.StateGradient>(Call, new LstmAtLimitDouble.Parameters(), new LstmAtLimitDouble.Gradients(), new LstmAtLimitDouble.Workspace(3, 2)),
        [nameof(LstmAtLimitFloat)] = () => TypedCalls.Run<LstmAtLimitFloat.Kernel, float, Vec19<float>, Vec8<float>, LstmAtLimitFloat.State, LstmAtLimitFloat.StateGradient>(Call, new LstmAtLimitFloat.Parameters(), new LstmAtLimitFloat.Gradients(), new LstmAtLimitFloat.Workspace(3, 2)),
        [nameof(LstmWidestInput)] = () => TypedCalls.Run<LstmWidestInput.Kernel, double, Vec217<double>, Vec1<double>, LstmWidestInput.State, LstmWidestInput.StateGradient>(Call, new LstmWidestInput.Parameters(), new LstmWidestInput.Gradients(), new LstmWidestInput.Workspace(3, 2)),
        [nameof(LstmWidestHidden)] = () => TypedCalls.Run<LstmWidestHidden.Kernel, float, Vec1<float>, Vec14<float>, LstmWidestHidden.State, LstmWidestHidden.StateGradient>(Call, new LstmWidestHidden.Parameters(), new LstmWidestHidden.Gradients(), new LstmWidestHidden.Workspace(3, 2)),
        [nameof(RnnAtLimitDouble)] = () => TypedCalls.Run<RnnAtLimitDouble.Kernel, double, Vec39<double>, Vec16<double>, RnnAtLimitDouble.State, RnnAtLimitDouble.StateGradient>(Call, new RnnAtLimitDouble.Parameters(), new RnnAtLimitDouble.Gradients(), new RnnAtLimitDouble.Workspace(3, 2)),
        [nameof(RnnWidestInput)] = () => TypedCalls.Run<RnnWidestInput.Kernel, float, Vec796<float>, Vec1<float>, RnnWidestInput.State, RnnWidestInput.StateGradient>(Call, new RnnWidestInput.Parameters(), new RnnWidestInput.Gradients(), new RnnWidestInput.Workspace(3, 2)),
        [nameof(RnnWidestHidden)] = () => TypedCalls.Run<RnnWidestHidden.Kernel, double, Vec1<double>, Vec29<double>, RnnWidestHidden.State, RnnWidestHidden.StateGradient>(Call, new RnnWidestHidden.Parameters(), new RnnWidestHidden.Gradients(), new RnnWidestHidden.Workspace(3, 2)),
        [nameof(RnnWithLargestHead)] = () => TypedCalls.Run<RnnWithLargestHead.Kernel, double, Vec1<double>, Vec16<double>, RnnWithLargestHead.State, RnnWithLargestHead.StateGradient>(Call, new RnnWithLargestHead.Parameters(), new RnnWithLargestHead.Gradients(), new RnnWithLargestHead.Workspace(3, 2)),
        [nameof(GruAtLimitDouble)] = () => TypedCalls.Run<GruAtLimitDouble.Kernel, double, Vec28<double>, Vec8<double>, GruAtLimitDouble.State, GruAtLimitDouble.StateGradient>(Call, new GruAtLimitDouble.Parameters(), new GruAtLimitDouble.Gradients(), new GruAtLimitDouble.Workspace(3, 2)),
        [nameof(GruAtLimitFloat)] = () => TypedCalls.Run<GruAtLimitFloat.Kernel, float, Vec28<float>, Vec8<float>, GruAtLimitFloat.State, GruAtLimitFloat.StateGradient>(Call, new GruAtLimitFloat.Parameters(), new GruAtLimitFloat.Gradients(), new GruAtLimitFloat.Workspace(3, 2)),
        [nameof(GruWidestInput)] = () => TypedCalls.Run<GruWidestInput.Kernel, double, Vec287<double>, Vec1<double>, GruWidestInput.State, GruWidestInput.StateGradient>(Call, new GruWidestInput.Parameters(), new GruWidestInput.Gradients(), new GruWidestInput.Workspace(3, 2)),
        [nameof(GruWidestHidden)] = () => TypedCalls.Run<GruWidestHidden.Kernel, float, Vec1<float>, Vec16<float>, GruWidestHidden.State, GruWidestHidden.StateGradient>(Call, new GruWidestHidden.Parameters(), new GruWidestHidden.Gradients(), new GruWidestHidden.Workspace(3, 2)),
        [nameof(LstmNoBiasAtLimit)] = () => TypedCalls.Run<LstmNoBiasAtLimit.Kernel, double, Vec109<double>, Vec2<double>, LstmNoBiasAtLimit.State, LstmNoBiasAtLimit.StateGradient>(Call, new LstmNoBiasAtLimit.Parameters(), new LstmNoBiasAtLimit.Gradients(), new LstmNoBiasAtLimit.Workspace(3, 2)),
        [nameof(GruWithLargestHead)] = () => TypedCalls.Run<GruWithLargestHead.Kernel, double, Vec1<double>, Vec2<double>, GruWithLargestHead.State, GruWithLargestHead.StateGradient>(Call, new GruWithLargestHead.Parameters(), new GruWithLargestHead.Gradients(), new GruWithLargestHead.Workspace(3, 2)),
    };

    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "--tiers")
        {
            return JitTiers.Run(args[1]);
        }

        if (args.Length != 1 || !Cells.TryGetValue(args[0], out Action? run))
        {
            Console.Error.WriteLine($"usage: LstmGen.UnrollLimit.Cells [--tiers] <cell>, one of {string.Join(", ", Cells.Keys)}");
            return 2;
        }

        try
        {
            run();
            return 0;
        }
        catch (Exception e)
        {
            Console.WriteLine($"{args[0]}: {e}");
            return 1;
        }
    }

    private static void Call(string method, Action call)
    {
        call();
        Console.WriteLine($"{method}: ok");
    }
}
