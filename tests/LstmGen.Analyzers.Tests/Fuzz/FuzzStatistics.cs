namespace LstmGen.Analyzers.Tests.Fuzz;

/// <summary>What the fuzz cases turned out to be, to show that the run covered every outcome.</summary>
internal sealed class FuzzStatistics
{
    /// <summary>Cases for which the generator emitted a cell.</summary>
    public int Generated { get; private set; }

    /// <summary>Cases that declare a cell the generator refused (the analyzers reported an LSTM error).</summary>
    public int Diagnosed { get; private set; }

    /// <summary>Cases where no type carries a cell attribute (misspelled, or lost to a syntax error).</summary>
    public int NotACell { get; private set; }

    /// <summary>Cases with random character edits.</summary>
    public int Mutated { get; private set; }

    /// <summary>Counts one judged case.</summary>
    public void Count(FuzzCase fuzzCase, bool declaresCell, bool generated)
    {
        Mutated += fuzzCase.Mutated ? 1 : 0;
        if (generated)
        {
            Generated++;
        }
        else if (declaresCell)
        {
            Diagnosed++;
        }
        else
        {
            NotACell++;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Generated} generated, {Diagnosed} diagnosed, {NotACell} not a cell, {Mutated} mutated";
}
