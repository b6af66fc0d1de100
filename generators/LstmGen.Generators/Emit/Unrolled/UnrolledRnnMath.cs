using System.Linq;

namespace LstmGen.Generators.Emit.Unrolled;

/// <summary>The tanh RNN's element-wise step, as <c>RnnLoopKernel</c> computes it: state [h]; cache [h_prev | h].</summary>
internal sealed class UnrolledRnnMath(UnrolledCell cell) : IUnrolledCellMath
{
    private int H => cell.H;

    public string StateShape => "[h]";

    public string CacheShape => "[h_prev | h]";

    public bool WritesStateGradient => false;

    public void EmitForward(SourceWriter w)
    {
        w.Line("// h = tanh(z).");
        for (int j = 0; j < H; j++)
        {
            w.Line($"{cell.T} h{j} = {cell.Tanh(cell.Z(j))};");
        }

        w.Line($"// cache [{cell.CacheLength}] = [h_prev | h], a hidden unit per line, unless empty (Step); next [{H}] = h, last: next may be state.");
        w.Line("if (!cache.IsEmpty)").Open();
        for (int j = 0; j < H; j++)
        {
            w.Line((j == 0 ? $"cache = cache.Slice(0, {cell.CacheLength}); " : string.Empty) + $"cache[{j}] = state[{j}]; cache[{H + j}] = h{j};");
        }

        w.Close();

        UnrolledCell.Statements(w, Enumerable.Range(0, H).Select(j => $"next[{j}] = h{j};"), UnrolledCell.StatementsPerLine);
    }

    public void EmitBackward(SourceWriter w)
    {
        w.Line($"{cell.ReadOnlySpan} h = cache.Slice({H}, {H});");
        w.Line($"// dNext [{H}] = dh → dz [{H}] = dh ⊙ (1 − h²).");
        for (int j = 0; j < H; j++)
        {
            w.Line($"{cell.Dz(j)} = dNext[{j}] * ({cell.Scalar.One} - (h[{j}] * h[{j}]));");
        }
    }
}
