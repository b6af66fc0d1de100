namespace LstmGen.Generators.Emit.Unrolled;

/// <summary>The tanh RNN's element-wise step, as <c>RnnLoopKernel</c> computes it: state [h]; cache [h_prev | h].</summary>
internal sealed class UnrolledRnnMath(UnrolledCell cell) : IUnrolledCellMath
{
    private int H => cell.H;

    public string StateShape => "[h]";

    public string CacheShape => "[h_prev | h]";

    public void EmitStateViews(SourceWriter w) => w.Line($"{cell.ReadOnlySpan} hPrev = state.Slice(0, {H});");

    public void EmitActivations(SourceWriter w)
    {
        w.Line("// h = tanh(z).");
        for (int j = 0; j < H; j++)
        {
            w.Line($"{cell.T} h{j} = {cell.Tanh(cell.Z(j))};");
        }
    }

    public void EmitCacheWrites(SourceWriter w)
    {
        for (int j = 0; j < H; j++)
        {
            w.Line($"cache[{H + j}] = h{j};");
        }
    }

    public void EmitNextWrites(SourceWriter w)
    {
        for (int j = 0; j < H; j++)
        {
            w.Line($"next[{j}] = h{j};");
        }
    }

    public void EmitCacheViews(SourceWriter w) =>
        w.Line($"{cell.ReadOnlySpan} hPrev = cache.Slice(0, {H}), h = cache.Slice({H}, {H});");

    public void EmitGateGradients(SourceWriter w)
    {
        w.Line($"// dNext [{H}] = dh → dz [{H}] = dh ⊙ (1 − h²).");
        for (int j = 0; j < H; j++)
        {
            w.Line($"{cell.T} {cell.Dz(j)} = dNext[{j}] * ({cell.Scalar.One} - (h[{j}] * h[{j}]));");
        }
    }

    public void EmitStateGradientTail(SourceWriter w)
    {
    }
}
