using System.Numerics;
using System.Runtime.CompilerServices;
using LstmGen.Kernels;

namespace LstmGen.Models.Tests.SequenceLengths;

/// <summary>D = 3 values (the inputs of every SequenceLengthCells cell, and its V = 3 distributions).</summary>
[InlineArray(3)]
internal struct Three<T>
    where T : unmanaged
{
    private T element;
}

/// <summary>S = 2H = 10 values (an LSTM's state [h | c]).</summary>
[InlineArray(10)]
internal struct Ten<T>
    where T : unmanaged
{
    private T element;
}

/// <summary>H = 5 values (the hidden vectors of every SequenceLengthCells cell).</summary>
[InlineArray(5)]
internal struct Five<T>
    where T : unmanaged
{
    private T element;
}

/// <summary>
/// One random padded batch for a cell (D = 3, H = 5, V = 3): m = 6 sequences of lengths {5, 2, 4, 1, 5, 3} padded to
/// T = 5, so that the first SIMD group of 4 mixes lengths at every step but the first and the last 2 sequences run
/// alone. Padding is poisoned: NaN inputs and targets, one-hot index and class −1 (out of range): reading any of them
/// would show (NaN everywhere, or an exception).
/// </summary>
internal sealed class SequenceLengthCase<TKernel, T>
    where TKernel : struct, IRecurrentKernel<TKernel, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public const int M = 6, Steps = 5, D = 3, H = 5, V = 3;

    public SequenceLengthCase(int seed, int[]? lengths = null)
    {
        var random = new Random(seed);
        T Next(double scale) => T.CreateChecked((random.NextDouble() - 0.5) * scale);
        Lengths = lengths ?? [5, 2, 4, 1, 5, 3];
        S = Recurrent<TKernel, T>.StateLength;
        P = new T[Parameters<TKernel, T>.Count];
        for (int k = 0; k < P.Length; k++)
        {
            P[k] = Next(1.2);
        }

        Xs = new T[Steps * M * D];
        Indices = new int[Steps * M];
        Targets = new T[Steps * M * H];
        Classes = new int[Steps * M];
        Initial = new T[M * S];
        for (int k = 0; k < Initial.Length; k++)
        {
            Initial[k] = Next(1.0);
        }

        for (int t = 0; t < Steps; t++)
        {
            for (int b = 0; b < M; b++)
            {
                int at = (t * M) + b;
                bool valid = t < Lengths[b];
                for (int k = 0; k < D; k++)
                {
                    Xs[(at * D) + k] = valid ? Next(2.0) : T.NaN;
                }

                for (int k = 0; k < H; k++)
                {
                    Targets[(at * H) + k] = valid ? Next(1.6) : T.NaN;
                }

                Indices[at] = valid ? random.Next(D) : -1;
                Classes[at] = valid ? random.Next(V) : -1;
            }
        }
    }

    public int[] Lengths { get; }

    public int S { get; }

    public T[] P { get; }

    public T[] Xs { get; }

    public int[] Indices { get; }

    public T[] Targets { get; }

    public int[] Classes { get; }

    public T[] Initial { get; }

    /// <summary>Sequence b's first <paramref name="steps"/> rows of a time-major [T × m × width] buffer, as a lone sequence.</summary>
    public TValue[] Alone<TValue>(TValue[] batch, int b, int width, int steps)
    {
        var alone = new TValue[steps * width];
        for (int t = 0; t < steps; t++)
        {
            Array.Copy(batch, ((t * M) + b) * width, alone, t * width, width);
        }

        return alone;
    }
}
