namespace LstmGen.UnrollLimit.Cells;

/// <summary>
/// Calls every generated method of the cell named by the first argument once (its <c>Kernel</c>'s members, see
/// <see cref="KernelCalls"/>, then the typed API), with zero parameters, so the JIT compiles each (an
/// <see cref="InvalidProgramException"/> is the JIT refusing a method). Prints one line per call; exit code 0 when every
/// call returned, 1 when one threw (the exception is printed), 2 for an unknown cell name.
/// </summary>
public static class Program
{
    /// <summary>The cells, by name.</summary>
    public static readonly IReadOnlyDictionary<string, Action> Cells = new Dictionary<string, Action>
    {
        [nameof(LstmAtLimitDouble)] = RunLstmAtLimitDouble,
        [nameof(LstmAtLimitFloat)] = RunLstmAtLimitFloat,
        [nameof(LstmWidestInput)] = RunLstmWidestInput,
        [nameof(LstmWidestHidden)] = RunLstmWidestHidden,
        [nameof(RnnAtLimitDouble)] = RunRnnAtLimitDouble,
        [nameof(RnnWidestInput)] = RunRnnWidestInput,
        [nameof(RnnWidestHidden)] = RunRnnWidestHidden,
        [nameof(RnnWithLargestHead)] = RunRnnWithLargestHead,
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

    private static void RunLstmAtLimitDouble()
    {
        KernelCalls.Run<LstmAtLimitDouble.Kernel, double>(Call);
        var p = new LstmAtLimitDouble.Parameters();
        var grads = new LstmAtLimitDouble.Gradients();
        var workspace = new LstmAtLimitDouble.Workspace(3, 2);
        LstmAtLimitDouble.State s = LstmAtLimitDouble.State.Zero;
        Call("Step", () => LstmAtLimitDouble.Step(p, default, s));
        Call("StepOneHot", () => LstmAtLimitDouble.StepOneHot(p, 0, s));
        Call("Forward", () => LstmAtLimitDouble.Forward(p, default, s, new double[LstmAtLimitDouble.CacheLength]));
        Call("ForwardOneHot", () => LstmAtLimitDouble.ForwardOneHot(p, 0, s, new double[LstmAtLimitDouble.CacheLength]));
        Call("Backward", () =>
        {
            var cache = new double[LstmAtLimitDouble.CacheLength];
            LstmAtLimitDouble.Forward(p, default, s, cache);
            LstmAtLimitDouble.Backward(p, default, cache, default, default, grads);
        });
        Call("BackwardOneHot", () =>
        {
            var cache = new double[LstmAtLimitDouble.CacheLength];
            LstmAtLimitDouble.ForwardOneHot(p, 0, s, cache);
            LstmAtLimitDouble.BackwardOneHot(p, 0, cache, default, default, grads);
        });
        Call("ForwardBatch", () => LstmAtLimitDouble.ForwardBatch(p, new Vec19<double>[2], new LstmAtLimitDouble.State[2], new LstmAtLimitDouble.State[2], new double[2 * LstmAtLimitDouble.CacheLength]));
        Call("BackwardBatch", () => LstmAtLimitDouble.BackwardBatch(p, new Vec19<double>[2], new double[2 * LstmAtLimitDouble.CacheLength], new Vec8<double>[2], new LstmAtLimitDouble.StateGradient[2], new LstmAtLimitDouble.StateGradient[2], grads, new Vec19<double>[2]));
        Call("LossAndGradients", () => LstmAtLimitDouble.LossAndGradients(p, new Vec19<double>[3], new Vec8<double>[3], s, workspace, grads));
        Call("LossAndGradientsBatch", () => LstmAtLimitDouble.LossAndGradientsBatch(p, new Vec19<double>[6], new Vec8<double>[6], 2, BatchReduction.Mean, workspace, grads));
    }

    private static void RunLstmAtLimitFloat()
    {
        KernelCalls.Run<LstmAtLimitFloat.Kernel, float>(Call);
        var p = new LstmAtLimitFloat.Parameters();
        var grads = new LstmAtLimitFloat.Gradients();
        var workspace = new LstmAtLimitFloat.Workspace(3, 2);
        LstmAtLimitFloat.State s = LstmAtLimitFloat.State.Zero;
        Call("Step", () => LstmAtLimitFloat.Step(p, default, s));
        Call("StepOneHot", () => LstmAtLimitFloat.StepOneHot(p, 0, s));
        Call("Forward", () => LstmAtLimitFloat.Forward(p, default, s, new float[LstmAtLimitFloat.CacheLength]));
        Call("ForwardOneHot", () => LstmAtLimitFloat.ForwardOneHot(p, 0, s, new float[LstmAtLimitFloat.CacheLength]));
        Call("Backward", () =>
        {
            var cache = new float[LstmAtLimitFloat.CacheLength];
            LstmAtLimitFloat.Forward(p, default, s, cache);
            LstmAtLimitFloat.Backward(p, default, cache, default, default, grads);
        });
        Call("BackwardOneHot", () =>
        {
            var cache = new float[LstmAtLimitFloat.CacheLength];
            LstmAtLimitFloat.ForwardOneHot(p, 0, s, cache);
            LstmAtLimitFloat.BackwardOneHot(p, 0, cache, default, default, grads);
        });
        Call("ForwardBatch", () => LstmAtLimitFloat.ForwardBatch(p, new Vec19<float>[2], new LstmAtLimitFloat.State[2], new LstmAtLimitFloat.State[2], new float[2 * LstmAtLimitFloat.CacheLength]));
        Call("BackwardBatch", () => LstmAtLimitFloat.BackwardBatch(p, new Vec19<float>[2], new float[2 * LstmAtLimitFloat.CacheLength], new Vec8<float>[2], new LstmAtLimitFloat.StateGradient[2], new LstmAtLimitFloat.StateGradient[2], grads, new Vec19<float>[2]));
        Call("LossAndGradients", () => LstmAtLimitFloat.LossAndGradients(p, new Vec19<float>[3], new Vec8<float>[3], s, workspace, grads));
        Call("LossAndGradientsBatch", () => LstmAtLimitFloat.LossAndGradientsBatch(p, new Vec19<float>[6], new Vec8<float>[6], 2, BatchReduction.Mean, workspace, grads));
    }

    private static void RunLstmWidestInput()
    {
        KernelCalls.Run<LstmWidestInput.Kernel, double>(Call);
        var p = new LstmWidestInput.Parameters();
        var grads = new LstmWidestInput.Gradients();
        var workspace = new LstmWidestInput.Workspace(3, 2);
        LstmWidestInput.State s = LstmWidestInput.State.Zero;
        Call("Step", () => LstmWidestInput.Step(p, default, s));
        Call("StepOneHot", () => LstmWidestInput.StepOneHot(p, 0, s));
        Call("Forward", () => LstmWidestInput.Forward(p, default, s, new double[LstmWidestInput.CacheLength]));
        Call("ForwardOneHot", () => LstmWidestInput.ForwardOneHot(p, 0, s, new double[LstmWidestInput.CacheLength]));
        Call("Backward", () =>
        {
            var cache = new double[LstmWidestInput.CacheLength];
            LstmWidestInput.Forward(p, default, s, cache);
            LstmWidestInput.Backward(p, default, cache, default, default, grads);
        });
        Call("BackwardOneHot", () =>
        {
            var cache = new double[LstmWidestInput.CacheLength];
            LstmWidestInput.ForwardOneHot(p, 0, s, cache);
            LstmWidestInput.BackwardOneHot(p, 0, cache, default, default, grads);
        });
        Call("ForwardBatch", () => LstmWidestInput.ForwardBatch(p, new Vec217<double>[2], new LstmWidestInput.State[2], new LstmWidestInput.State[2], new double[2 * LstmWidestInput.CacheLength]));
        Call("BackwardBatch", () => LstmWidestInput.BackwardBatch(p, new Vec217<double>[2], new double[2 * LstmWidestInput.CacheLength], new Vec1<double>[2], new LstmWidestInput.StateGradient[2], new LstmWidestInput.StateGradient[2], grads, new Vec217<double>[2]));
        Call("LossAndGradients", () => LstmWidestInput.LossAndGradients(p, new Vec217<double>[3], new Vec1<double>[3], s, workspace, grads));
        Call("LossAndGradientsBatch", () => LstmWidestInput.LossAndGradientsBatch(p, new Vec217<double>[6], new Vec1<double>[6], 2, BatchReduction.Mean, workspace, grads));
    }

    private static void RunLstmWidestHidden()
    {
        KernelCalls.Run<LstmWidestHidden.Kernel, float>(Call);
        var p = new LstmWidestHidden.Parameters();
        var grads = new LstmWidestHidden.Gradients();
        var workspace = new LstmWidestHidden.Workspace(3, 2);
        LstmWidestHidden.State s = LstmWidestHidden.State.Zero;
        Call("Step", () => LstmWidestHidden.Step(p, default, s));
        Call("StepOneHot", () => LstmWidestHidden.StepOneHot(p, 0, s));
        Call("Forward", () => LstmWidestHidden.Forward(p, default, s, new float[LstmWidestHidden.CacheLength]));
        Call("ForwardOneHot", () => LstmWidestHidden.ForwardOneHot(p, 0, s, new float[LstmWidestHidden.CacheLength]));
        Call("Backward", () =>
        {
            var cache = new float[LstmWidestHidden.CacheLength];
            LstmWidestHidden.Forward(p, default, s, cache);
            LstmWidestHidden.Backward(p, default, cache, default, default, grads);
        });
        Call("BackwardOneHot", () =>
        {
            var cache = new float[LstmWidestHidden.CacheLength];
            LstmWidestHidden.ForwardOneHot(p, 0, s, cache);
            LstmWidestHidden.BackwardOneHot(p, 0, cache, default, default, grads);
        });
        Call("ForwardBatch", () => LstmWidestHidden.ForwardBatch(p, new Vec1<float>[2], new LstmWidestHidden.State[2], new LstmWidestHidden.State[2], new float[2 * LstmWidestHidden.CacheLength]));
        Call("BackwardBatch", () => LstmWidestHidden.BackwardBatch(p, new Vec1<float>[2], new float[2 * LstmWidestHidden.CacheLength], new Vec14<float>[2], new LstmWidestHidden.StateGradient[2], new LstmWidestHidden.StateGradient[2], grads, new Vec1<float>[2]));
        Call("LossAndGradients", () => LstmWidestHidden.LossAndGradients(p, new Vec1<float>[3], new Vec14<float>[3], s, workspace, grads));
        Call("LossAndGradientsBatch", () => LstmWidestHidden.LossAndGradientsBatch(p, new Vec1<float>[6], new Vec14<float>[6], 2, BatchReduction.Mean, workspace, grads));
    }

    private static void RunRnnAtLimitDouble()
    {
        KernelCalls.Run<RnnAtLimitDouble.Kernel, double>(Call);
        var p = new RnnAtLimitDouble.Parameters();
        var grads = new RnnAtLimitDouble.Gradients();
        var workspace = new RnnAtLimitDouble.Workspace(3, 2);
        RnnAtLimitDouble.State s = RnnAtLimitDouble.State.Zero;
        Call("Step", () => RnnAtLimitDouble.Step(p, default, s));
        Call("StepOneHot", () => RnnAtLimitDouble.StepOneHot(p, 0, s));
        Call("Forward", () => RnnAtLimitDouble.Forward(p, default, s, new double[RnnAtLimitDouble.CacheLength]));
        Call("ForwardOneHot", () => RnnAtLimitDouble.ForwardOneHot(p, 0, s, new double[RnnAtLimitDouble.CacheLength]));
        Call("Backward", () =>
        {
            var cache = new double[RnnAtLimitDouble.CacheLength];
            RnnAtLimitDouble.Forward(p, default, s, cache);
            RnnAtLimitDouble.Backward(p, default, cache, default, default, grads);
        });
        Call("BackwardOneHot", () =>
        {
            var cache = new double[RnnAtLimitDouble.CacheLength];
            RnnAtLimitDouble.ForwardOneHot(p, 0, s, cache);
            RnnAtLimitDouble.BackwardOneHot(p, 0, cache, default, default, grads);
        });
        Call("ForwardBatch", () => RnnAtLimitDouble.ForwardBatch(p, new Vec39<double>[2], new RnnAtLimitDouble.State[2], new RnnAtLimitDouble.State[2], new double[2 * RnnAtLimitDouble.CacheLength]));
        Call("BackwardBatch", () => RnnAtLimitDouble.BackwardBatch(p, new Vec39<double>[2], new double[2 * RnnAtLimitDouble.CacheLength], new Vec16<double>[2], new RnnAtLimitDouble.StateGradient[2], new RnnAtLimitDouble.StateGradient[2], grads, new Vec39<double>[2]));
        Call("LossAndGradients", () => RnnAtLimitDouble.LossAndGradients(p, new Vec39<double>[3], new Vec16<double>[3], s, workspace, grads));
        Call("LossAndGradientsBatch", () => RnnAtLimitDouble.LossAndGradientsBatch(p, new Vec39<double>[6], new Vec16<double>[6], 2, BatchReduction.Mean, workspace, grads));
    }

    private static void RunRnnWidestInput()
    {
        KernelCalls.Run<RnnWidestInput.Kernel, float>(Call);
        var p = new RnnWidestInput.Parameters();
        var grads = new RnnWidestInput.Gradients();
        var workspace = new RnnWidestInput.Workspace(3, 2);
        RnnWidestInput.State s = RnnWidestInput.State.Zero;
        Call("Step", () => RnnWidestInput.Step(p, default, s));
        Call("StepOneHot", () => RnnWidestInput.StepOneHot(p, 0, s));
        Call("Forward", () => RnnWidestInput.Forward(p, default, s, new float[RnnWidestInput.CacheLength]));
        Call("ForwardOneHot", () => RnnWidestInput.ForwardOneHot(p, 0, s, new float[RnnWidestInput.CacheLength]));
        Call("Backward", () =>
        {
            var cache = new float[RnnWidestInput.CacheLength];
            RnnWidestInput.Forward(p, default, s, cache);
            RnnWidestInput.Backward(p, default, cache, default, default, grads);
        });
        Call("BackwardOneHot", () =>
        {
            var cache = new float[RnnWidestInput.CacheLength];
            RnnWidestInput.ForwardOneHot(p, 0, s, cache);
            RnnWidestInput.BackwardOneHot(p, 0, cache, default, default, grads);
        });
        Call("ForwardBatch", () => RnnWidestInput.ForwardBatch(p, new Vec796<float>[2], new RnnWidestInput.State[2], new RnnWidestInput.State[2], new float[2 * RnnWidestInput.CacheLength]));
        Call("BackwardBatch", () => RnnWidestInput.BackwardBatch(p, new Vec796<float>[2], new float[2 * RnnWidestInput.CacheLength], new Vec1<float>[2], new RnnWidestInput.StateGradient[2], new RnnWidestInput.StateGradient[2], grads, new Vec796<float>[2]));
        Call("LossAndGradients", () => RnnWidestInput.LossAndGradients(p, new Vec796<float>[3], new Vec1<float>[3], s, workspace, grads));
        Call("LossAndGradientsBatch", () => RnnWidestInput.LossAndGradientsBatch(p, new Vec796<float>[6], new Vec1<float>[6], 2, BatchReduction.Mean, workspace, grads));
    }

    private static void RunRnnWidestHidden()
    {
        KernelCalls.Run<RnnWidestHidden.Kernel, double>(Call);
        var p = new RnnWidestHidden.Parameters();
        var grads = new RnnWidestHidden.Gradients();
        var workspace = new RnnWidestHidden.Workspace(3, 2);
        RnnWidestHidden.State s = RnnWidestHidden.State.Zero;
        Call("Step", () => RnnWidestHidden.Step(p, default, s));
        Call("StepOneHot", () => RnnWidestHidden.StepOneHot(p, 0, s));
        Call("Forward", () => RnnWidestHidden.Forward(p, default, s, new double[RnnWidestHidden.CacheLength]));
        Call("ForwardOneHot", () => RnnWidestHidden.ForwardOneHot(p, 0, s, new double[RnnWidestHidden.CacheLength]));
        Call("Backward", () =>
        {
            var cache = new double[RnnWidestHidden.CacheLength];
            RnnWidestHidden.Forward(p, default, s, cache);
            RnnWidestHidden.Backward(p, default, cache, default, default, grads);
        });
        Call("BackwardOneHot", () =>
        {
            var cache = new double[RnnWidestHidden.CacheLength];
            RnnWidestHidden.ForwardOneHot(p, 0, s, cache);
            RnnWidestHidden.BackwardOneHot(p, 0, cache, default, default, grads);
        });
        Call("ForwardBatch", () => RnnWidestHidden.ForwardBatch(p, new Vec1<double>[2], new RnnWidestHidden.State[2], new RnnWidestHidden.State[2], new double[2 * RnnWidestHidden.CacheLength]));
        Call("BackwardBatch", () => RnnWidestHidden.BackwardBatch(p, new Vec1<double>[2], new double[2 * RnnWidestHidden.CacheLength], new Vec29<double>[2], new RnnWidestHidden.StateGradient[2], new RnnWidestHidden.StateGradient[2], grads, new Vec1<double>[2]));
        Call("LossAndGradients", () => RnnWidestHidden.LossAndGradients(p, new Vec1<double>[3], new Vec29<double>[3], s, workspace, grads));
        Call("LossAndGradientsBatch", () => RnnWidestHidden.LossAndGradientsBatch(p, new Vec1<double>[6], new Vec29<double>[6], 2, BatchReduction.Mean, workspace, grads));
    }

    private static void RunRnnWithLargestHead()
    {
        KernelCalls.Run<RnnWithLargestHead.Kernel, double>(Call);
        var p = new RnnWithLargestHead.Parameters();
        var grads = new RnnWithLargestHead.Gradients();
        var workspace = new RnnWithLargestHead.Workspace(3, 2);
        RnnWithLargestHead.State s = RnnWithLargestHead.State.Zero;
        Call("Step", () => RnnWithLargestHead.Step(p, default, s));
        Call("StepOneHot", () => RnnWithLargestHead.StepOneHot(p, 0, s));
        Call("Forward", () => RnnWithLargestHead.Forward(p, default, s, new double[RnnWithLargestHead.CacheLength]));
        Call("ForwardOneHot", () => RnnWithLargestHead.ForwardOneHot(p, 0, s, new double[RnnWithLargestHead.CacheLength]));
        Call("Backward", () =>
        {
            var cache = new double[RnnWithLargestHead.CacheLength];
            RnnWithLargestHead.Forward(p, default, s, cache);
            RnnWithLargestHead.Backward(p, default, cache, default, default, grads);
        });
        Call("BackwardOneHot", () =>
        {
            var cache = new double[RnnWithLargestHead.CacheLength];
            RnnWithLargestHead.ForwardOneHot(p, 0, s, cache);
            RnnWithLargestHead.BackwardOneHot(p, 0, cache, default, default, grads);
        });
        Call("ForwardBatch", () => RnnWithLargestHead.ForwardBatch(p, new Vec1<double>[2], new RnnWithLargestHead.State[2], new RnnWithLargestHead.State[2], new double[2 * RnnWithLargestHead.CacheLength]));
        Call("BackwardBatch", () => RnnWithLargestHead.BackwardBatch(p, new Vec1<double>[2], new double[2 * RnnWithLargestHead.CacheLength], new Vec16<double>[2], new RnnWithLargestHead.StateGradient[2], new RnnWithLargestHead.StateGradient[2], grads, new Vec1<double>[2]));
        Call("LossAndGradients", () => RnnWithLargestHead.LossAndGradients(p, new Vec1<double>[3], new Vec16<double>[3], s, workspace, grads));
        Call("LossAndGradientsBatch", () => RnnWithLargestHead.LossAndGradientsBatch(p, new Vec1<double>[6], new Vec16<double>[6], 2, BatchReduction.Mean, workspace, grads));
        Call("CrossEntropyLossAndGradients", () => RnnWithLargestHead.CrossEntropyLossAndGradients(p, new int[3], new int[3], s, workspace, grads));
        Call("CrossEntropyLossAndGradientsBatch", () => RnnWithLargestHead.CrossEntropyLossAndGradientsBatch(p, new int[6], new int[6], 2, BatchReduction.Mean, workspace, grads));
    }
}
