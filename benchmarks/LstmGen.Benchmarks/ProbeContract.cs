namespace LstmGen.Benchmarks;

/// <summary>
/// <c>--probe-contract</c>: each <see cref="ContractPath"/> pair (generated code, then the contract's generic path) as
/// <see cref="Probe"/> times it, the fastest of many short batches, in 3 interleaved rounds: on a loaded machine the
/// minimum is the figure least disturbed by other processes, and interleaving exposes both sides to the same load.
/// </summary>
internal static partial class Probe
{
    public static void RunContract()
    {
        var path = new ContractPath();
        path.Setup();
        for (int round = 0; round < 3; round++)
        {
            Pair("A BPTT per timestep", Data.Steps, () => path.GeneratedBpttA(), () => path.ContractBpttA());
            Pair("B inference", 1, () => path.GeneratedStepB(), () => path.ContractStepB());
            Pair("B BPTT per timestep", Data.Steps, () => path.GeneratedBpttB(), () => path.ContractBpttB());
            Pair("C forward step (batch 32)", 1, () => path.GeneratedStepC(), () => path.ContractStepC());
            Pair("C BPTT per timestep (batch 32)", Data.Steps, () => path.GeneratedBpttC(), () => path.ContractBpttC());
            Pair("  C forward part", ContractPath.Steps, () => path.GeneratedForwardC(), () => path.ContractForwardC());
            Pair("  C cross-entropy part", ContractPath.Steps, () => path.GeneratedHeadC(), () => path.ContractHeadC());
            Pair("  C BPTT part", ContractPath.Steps, () => path.GeneratedBackwardC(), () => path.ContractBackwardC());
            Pair("D inference", 1, () => path.GeneratedStepD(), () => path.ContractStepD());
            Pair("D BPTT per timestep", Data.Steps, () => path.GeneratedBpttD(), () => path.ContractBpttD());
            Pair("  D forward part", Data.Steps, () => path.GeneratedForwardD(), () => path.ContractForwardD());
            Pair("  D cross-entropy part", Data.Steps, () => path.GeneratedHeadD(), () => path.ContractHeadD());
            Pair("  D BPTT part", Data.Steps, () => path.GeneratedBackwardD(), () => path.ContractBackwardD());
            Console.WriteLine();
        }
    }

    private static void Pair(string what, int operations, Func<object> generated, Func<object> contract)
    {
        double g = Best(operations, generated), c = Best(operations, contract);
        Console.WriteLine($"{what,-32} generated {g,12:N1} ns   contract {c,12:N1} ns   ratio {c / g,5:F2}");
    }
}
