using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference;

/// <summary>
/// Flattening of parameter sets, their gradients, and sequences into <c>double[]</c>, and back.
/// <para>LSTM order: for gate in i, f, g, o: <c>W_gate</c> (H×D, row-major), then <c>U_gate</c> (H×H, row-major),
/// then <c>b_gate</c> (H); then <c>Wy</c> (V×H, row-major), then <c>By</c> (V). Length <c>4(HD + HH + H) + VH + V</c>.</para>
/// <para>RNN order: <c>Wx</c> (H×D, row-major), <c>Wh</c> (H×H, row-major), <c>b</c> (H), <c>Wy</c> (V×H, row-major),
/// <c>By</c> (V). Length <c>HD + HH + H + VH + V</c>.</para>
/// <para>GRU order: see <see cref="GruCount"/>.</para>
/// <para>Sequences: <c>x_0</c>, then <c>x_1</c>, …, each vector in index order.</para>
/// Gradients flatten in exactly the same order as their parameters. V = 0 means no head.
/// <para>Bias-free cells (<c>hasBias: false</c>, PyTorch's <c>bias=False</c>): the same orders without the gate biases
/// (b, and a GRU's b_hn), which are fixed at 0 and not parameters: <c>To…</c> builds the cell with zero biases and
/// reads none, <c>Flatten</c> skips them (a gradient's bias entries are dropped). The head keeps b_y.</para>
/// </summary>
public static partial class FlatParameters
{
    /// <summary>Number of LSTM parameters for input size D, hidden size H and head size V (0 = no head).</summary>
    public static int LstmCount(int inputSize, int hiddenSize, int outputSize = 0, bool hasBias = true) =>
        ReferenceGate.Count * (hiddenSize * inputSize + hiddenSize * hiddenSize + (hasBias ? hiddenSize : 0))
        + outputSize * hiddenSize + outputSize;

    /// <summary>Number of RNN parameters for input size D, hidden size H and head size V (0 = no head).</summary>
    public static int RnnCount(int inputSize, int hiddenSize, int outputSize = 0, bool hasBias = true) =>
        hiddenSize * inputSize + hiddenSize * hiddenSize + (hasBias ? hiddenSize : 0) + outputSize * hiddenSize + outputSize;

    /// <summary>Flattens an LSTM's parameters in the documented order.</summary>
    public static double[] Flatten(ReferenceLstm cell, bool hasBias = true)
    {
        var flat = new List<double>();
        for (int gate = 0; gate < ReferenceGate.Count; gate++)
        {
            AppendRowMajor(flat, cell.W[gate]);
            AppendRowMajor(flat, cell.U[gate]);
            AppendBias(flat, cell.B[gate], hasBias);
        }

        AppendHead(flat, cell.Wy, cell.By);
        return [.. flat];
    }

    /// <summary>Flattens LSTM parameter gradients in the same order as <see cref="Flatten(ReferenceLstm, bool)"/>.</summary>
    public static double[] Flatten(LstmParameterGradients gradients, bool hasBias = true)
    {
        var flat = new List<double>();
        for (int gate = 0; gate < ReferenceGate.Count; gate++)
        {
            AppendRowMajor(flat, gradients.DW[gate]);
            AppendRowMajor(flat, gradients.DU[gate]);
            AppendBias(flat, gradients.DB[gate], hasBias);
        }

        AppendHead(flat, gradients.DWy, gradients.DBy);
        return [.. flat];
    }

    /// <summary>Flattens an RNN's parameters in the documented order.</summary>
    public static double[] Flatten(ReferenceRnn cell, bool hasBias = true)
    {
        var flat = new List<double>();
        AppendRowMajor(flat, cell.Wx);
        AppendRowMajor(flat, cell.Wh);
        AppendBias(flat, cell.B, hasBias);
        AppendHead(flat, cell.Wy, cell.By);
        return [.. flat];
    }

    /// <summary>Flattens RNN parameter gradients in the same order as <see cref="Flatten(ReferenceRnn, bool)"/>.</summary>
    public static double[] Flatten(RnnParameterGradients gradients, bool hasBias = true)
    {
        var flat = new List<double>();
        AppendRowMajor(flat, gradients.DWx);
        AppendRowMajor(flat, gradients.DWh);
        AppendBias(flat, gradients.DB, hasBias);
        AppendHead(flat, gradients.DWy, gradients.DBy);
        return [.. flat];
    }

    /// <summary>Flattens a sequence of vectors: <c>x_0</c> first, each in index order.</summary>
    public static double[] Flatten(IReadOnlyList<Vector<double>> sequence) => [.. sequence.SelectMany(v => v)];

    /// <summary>Builds a new LSTM from a flat vector in the documented order (V = 0: no head).</summary>
    public static ReferenceLstm ToLstm(IReadOnlyList<double> theta, int inputSize, int hiddenSize, int outputSize = 0, bool hasBias = true)
    {
        RequireLength(theta, LstmCount(inputSize, hiddenSize, outputSize, hasBias));
        var reader = new Reader(theta);
        var w = new Matrix<double>[ReferenceGate.Count];
        var u = new Matrix<double>[ReferenceGate.Count];
        var b = new Vector<double>[ReferenceGate.Count];
        for (int gate = 0; gate < ReferenceGate.Count; gate++)
        {
            w[gate] = reader.Matrix(hiddenSize, inputSize);
            u[gate] = reader.Matrix(hiddenSize, hiddenSize);
            b[gate] = reader.Bias(hiddenSize, hasBias);
        }

        Matrix<double>? wy = outputSize > 0 ? reader.Matrix(outputSize, hiddenSize) : null;
        Vector<double>? by = outputSize > 0 ? reader.Vector(outputSize) : null;
        return new ReferenceLstm(w, u, b, wy, by);
    }

    /// <summary>Builds a new LSTM with the same sizes as <paramref name="shape"/> from a flat vector.</summary>
    public static ReferenceLstm ToLstm(IReadOnlyList<double> theta, ReferenceLstm shape) =>
        ToLstm(theta, shape.InputSize, shape.HiddenSize, shape.OutputSize);

    /// <summary>Builds a new RNN from a flat vector in the documented order (V = 0: no head).</summary>
    public static ReferenceRnn ToRnn(IReadOnlyList<double> theta, int inputSize, int hiddenSize, int outputSize = 0, bool hasBias = true)
    {
        RequireLength(theta, RnnCount(inputSize, hiddenSize, outputSize, hasBias));
        var reader = new Reader(theta);
        Matrix<double> wx = reader.Matrix(hiddenSize, inputSize);
        Matrix<double> wh = reader.Matrix(hiddenSize, hiddenSize);
        Vector<double> b = reader.Bias(hiddenSize, hasBias);
        Matrix<double>? wy = outputSize > 0 ? reader.Matrix(outputSize, hiddenSize) : null;
        Vector<double>? by = outputSize > 0 ? reader.Vector(outputSize) : null;
        return new ReferenceRnn(wx, wh, b, wy, by);
    }

    /// <summary>Builds a new RNN with the same sizes as <paramref name="shape"/> from a flat vector.</summary>
    public static ReferenceRnn ToRnn(IReadOnlyList<double> theta, ReferenceRnn shape) =>
        ToRnn(theta, shape.InputSize, shape.HiddenSize, shape.OutputSize);

    /// <summary>Splits a flat vector into <paramref name="steps"/> vectors of length <paramref name="size"/>.</summary>
    public static Vector<double>[] ToSequence(IReadOnlyList<double> flat, int steps, int size)
    {
        RequireLength(flat, steps * size);
        var reader = new Reader(flat);
        var sequence = new Vector<double>[steps];
        for (int t = 0; t < steps; t++)
        {
            sequence[t] = reader.Vector(size);
        }

        return sequence;
    }

    private static void AppendRowMajor(List<double> flat, Matrix<double> matrix)
    {
        for (int r = 0; r < matrix.RowCount; r++)
        {
            for (int c = 0; c < matrix.ColumnCount; c++)
            {
                flat.Add(matrix[r, c]);
            }
        }
    }

    // A gate bias, unless the cell is bias-free (its biases are fixed at 0 and not parameters).
    private static void AppendBias(List<double> flat, Vector<double> bias, bool hasBias)
    {
        if (hasBias)
        {
            flat.AddRange(bias);
        }
    }

    private static void AppendHead(List<double> flat, Matrix<double>? wy, Vector<double>? by)
    {
        if (wy is not null && by is not null)
        {
            AppendRowMajor(flat, wy);
            flat.AddRange(by);
        }
    }

    private static void RequireLength(IReadOnlyList<double> flat, int expected)
    {
        if (flat.Count != expected)
        {
            throw new ArgumentException($"Flat vector has {flat.Count} entries; expected {expected}.", nameof(flat));
        }
    }

    /// <summary>Reads consecutive entries of a flat vector.</summary>
    private sealed class Reader(IReadOnlyList<double> flat)
    {
        private int _position;

        public Matrix<double> Matrix(int rows, int columns)
        {
            Matrix<double> matrix = Matrix<double>.Build.Dense(rows, columns);
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    matrix[r, c] = flat[_position++];
                }
            }

            return matrix;
        }

        // The next gate bias, or for a bias-free cell a zero vector that reads nothing.
        public Vector<double> Bias(int size, bool hasBias) => hasBias ? Vector(size) : Vector<double>.Build.Dense(size);

        public Vector<double> Vector(int size)
        {
            Vector<double> vector = Vector<double>.Build.Dense(size);
            for (int k = 0; k < size; k++)
            {
                vector[k] = flat[_position++];
            }

            return vector;
        }
    }
}
