using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Benchmarks.Baselines;

/// <summary>
/// The baseline: an LSTM or tanh RNN with an optional softmax head written plainly with MathNet.Numerics, as a C#
/// developer would (separate W and U matrices, Matrix·Vector products, Map for activations, a list of per-step values
/// for BPTT, OuterProduct for the weight gradients). It allocates freely, as such code does.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
internal sealed class MathNetCell<T>
    where T : struct, IEquatable<T>, IFormattable, System.Numerics.IFloatingPointIeee754<T>
{
    private readonly bool _lstm;
    private readonly int _h;
    private readonly Matrix<T> _w, _u, _wy;
    private readonly Vector<T> _b, _by;
    private readonly Matrix<T> _dw, _du, _dwy;
    private readonly Vector<T> _db, _dby;

    public MathNetCell(bool lstm, int inputSize, int hiddenSize, int outputSize, int seed)
    {
        _lstm = lstm;
        _h = hiddenSize;
        int rows = (lstm ? 4 : 1) * hiddenSize;
        var random = new Random(seed);
        T scale = T.One / T.Sqrt(T.CreateTruncating(hiddenSize));
        T Draw(int i, int j) => T.CreateTruncating((random.NextDouble() * 2) - 1) * scale;
        _w = Matrix<T>.Build.Dense(rows, inputSize, Draw);
        _u = Matrix<T>.Build.Dense(rows, hiddenSize, Draw);
        _b = Vector<T>.Build.Dense(rows, i => Draw(i, 0));
        _wy = Matrix<T>.Build.Dense(Math.Max(outputSize, 1), hiddenSize, Draw);
        _by = Vector<T>.Build.Dense(Math.Max(outputSize, 1), i => Draw(i, 0));
        _dw = Matrix<T>.Build.Dense(rows, inputSize);
        _du = Matrix<T>.Build.Dense(rows, hiddenSize);
        _db = Vector<T>.Build.Dense(rows);
        _dwy = Matrix<T>.Build.Dense(_wy.RowCount, hiddenSize);
        _dby = Vector<T>.Build.Dense(_wy.RowCount);
    }

    /// <summary>One inference step: the new (h, c) (c unused for an RNN).</summary>
    public (Vector<T> H, Vector<T> C) Step(Vector<T> x, Vector<T> h, Vector<T> c)
    {
        Vector<T> z = (_w * x) + (_u * h) + _b;
        if (!_lstm)
        {
            return (z.Map(T.Tanh), c);
        }

        Vector<T> i = z.SubVector(0, _h).Map(Sigmoid);
        Vector<T> f = z.SubVector(_h, _h).Map(Sigmoid);
        Vector<T> g = z.SubVector(2 * _h, _h).Map(T.Tanh);
        Vector<T> o = z.SubVector(3 * _h, _h).Map(Sigmoid);
        Vector<T> cNew = f.PointwiseMultiply(c) + i.PointwiseMultiply(g);
        return (o.PointwiseMultiply(cNew.Map(T.Tanh)), cNew);
    }

    /// <summary>The head's probabilities softmax(W_y h + b_y).</summary>
    public Vector<T> Probabilities(Vector<T> h)
    {
        Vector<T> logits = (_wy * h) + _by;
        T max = logits.Maximum();
        Vector<T> e = logits.Map(v => T.Exp(v - max));
        return e / e.Sum();
    }

    /// <summary>
    /// Forward over the sequence, the loss (cross-entropy of the head against <paramref name="classes"/>, or ½‖h − y‖²
    /// against <paramref name="targets"/>), and BPTT adding every gradient into the gradient matrices.
    /// </summary>
    public T LossAndGradients(Vector<T>[] xs, int[]? classes, Vector<T>[]? targets)
    {
        int steps = xs.Length;
        var hs = new Vector<T>[steps + 1];
        var cs = new Vector<T>[steps + 1];
        var gates = new (Vector<T> I, Vector<T> F, Vector<T> G, Vector<T> O)[steps];
        var probabilities = new Vector<T>[steps];
        hs[0] = Vector<T>.Build.Dense(_h);
        cs[0] = Vector<T>.Build.Dense(_h);
        T loss = T.Zero;
        for (int t = 0; t < steps; t++)
        {
            Vector<T> z = (_w * xs[t]) + (_u * hs[t]) + _b;
            if (_lstm)
            {
                var (i, f, g, o) = (z.SubVector(0, _h).Map(Sigmoid), z.SubVector(_h, _h).Map(Sigmoid), z.SubVector(2 * _h, _h).Map(T.Tanh), z.SubVector(3 * _h, _h).Map(Sigmoid));
                gates[t] = (i, f, g, o);
                cs[t + 1] = f.PointwiseMultiply(cs[t]) + i.PointwiseMultiply(g);
                hs[t + 1] = o.PointwiseMultiply(cs[t + 1].Map(T.Tanh));
            }
            else
            {
                hs[t + 1] = z.Map(T.Tanh);
            }

            if (classes is not null)
            {
                probabilities[t] = Probabilities(hs[t + 1]);
                loss -= T.Log(probabilities[t][classes[t]]);
            }
            else
            {
                Vector<T> diff = hs[t + 1] - targets![t];
                loss += T.CreateTruncating(0.5) * diff.DotProduct(diff);
            }
        }

        Vector<T> dhNext = Vector<T>.Build.Dense(_h);
        Vector<T> dcNext = Vector<T>.Build.Dense(_h);
        for (int t = steps - 1; t >= 0; t--)
        {
            Vector<T> dh;
            if (classes is not null)
            {
                Vector<T> dLogits = probabilities[t].Clone();
                dLogits[classes[t]] -= T.One;
                _dwy.Add(dLogits.OuterProduct(hs[t + 1]), _dwy);
                _dby.Add(dLogits, _dby);
                dh = _wy.TransposeThisAndMultiply(dLogits) + dhNext;
            }
            else
            {
                dh = hs[t + 1] - targets![t] + dhNext;
            }

            Vector<T> dz;
            if (_lstm)
            {
                var (i, f, g, o) = gates[t];
                Vector<T> tanhC = cs[t + 1].Map(T.Tanh);
                Vector<T> dc = dcNext + dh.PointwiseMultiply(o).PointwiseMultiply(tanhC.Map(v => T.One - (v * v)));
                Vector<T> dzi = dc.PointwiseMultiply(g).PointwiseMultiply(i.Map(v => v * (T.One - v)));
                Vector<T> dzf = dc.PointwiseMultiply(cs[t]).PointwiseMultiply(f.Map(v => v * (T.One - v)));
                Vector<T> dzg = dc.PointwiseMultiply(i).PointwiseMultiply(g.Map(v => T.One - (v * v)));
                Vector<T> dzo = dh.PointwiseMultiply(tanhC).PointwiseMultiply(o.Map(v => v * (T.One - v)));
                dz = Vector<T>.Build.DenseOfEnumerable(dzi.Concat(dzf).Concat(dzg).Concat(dzo));
                dcNext = dc.PointwiseMultiply(f);
            }
            else
            {
                dz = dh.PointwiseMultiply(hs[t + 1].Map(v => T.One - (v * v)));
            }

            _dw.Add(dz.OuterProduct(xs[t]), _dw);
            _du.Add(dz.OuterProduct(hs[t]), _du);
            _db.Add(dz, _db);
            dhNext = _u.TransposeThisAndMultiply(dz);
        }

        return loss;
    }

    private static T Sigmoid(T x) => T.One / (T.One + T.Exp(-x));
}
