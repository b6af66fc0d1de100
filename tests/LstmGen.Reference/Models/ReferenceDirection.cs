using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference.Models;

/// <summary>The kind of a reference cell.</summary>
public enum ReferenceCellKind
{
    /// <summary><see cref="ReferenceLstm"/>.</summary>
    Lstm,

    /// <summary><see cref="ReferenceGru"/> (PyTorch's nn.GRU).</summary>
    Gru,

    /// <summary><see cref="ReferenceRnn"/> (tanh).</summary>
    Rnn,
}

/// <summary>The hidden outputs of one direction over a sequence and its final state.</summary>
/// <param name="Hidden">h_t for every step, in the order the direction ran.</param>
/// <param name="FinalH">The hidden state after the last step run.</param>
/// <param name="FinalC">The LSTM's cell state after the last step run; null for GRU and RNN.</param>
public sealed record DirectionRun(IReadOnlyList<Vector<double>> Hidden, Vector<double> FinalH, Vector<double>? FinalC);

/// <summary>The gradients of one direction's BPTT for given upstream gradients of its hidden outputs.</summary>
/// <param name="Parameters">∂L/∂θ in <see cref="FlatParameters"/> order of the cell's kind (no head).</param>
/// <param name="DX">∂L/∂x_t, in the order the direction ran.</param>
/// <param name="DH0">∂L/∂h0.</param>
/// <param name="DC0">∂L/∂c0 (LSTM), null otherwise.</param>
public sealed record DirectionGradients(double[] Parameters, IReadOnlyList<Vector<double>> DX, Vector<double> DH0, Vector<double>? DC0);

/// <summary>
/// One direction of a model layer: a head-free reference LSTM, GRU or RNN seen through one interface, its forward run
/// and BPTT being the cell's own (<see cref="UpstreamGradientTargets"/> carries the upstream gradient in).
/// </summary>
public sealed class ReferenceDirection
{
    private readonly object _cell;

    private ReferenceDirection(object cell, ReferenceCellKind kind, int inputSize, int hiddenSize)
    {
        _cell = cell;
        Kind = kind;
        InputSize = inputSize;
        HiddenSize = hiddenSize;
    }

    /// <summary>Wraps a head-free LSTM.</summary>
    public static ReferenceDirection Of(ReferenceLstm cell) => Checked(cell.HasHead, new(cell, ReferenceCellKind.Lstm, cell.InputSize, cell.HiddenSize));

    /// <summary>Wraps a head-free GRU.</summary>
    public static ReferenceDirection Of(ReferenceGru cell) => Checked(cell.HasHead, new(cell, ReferenceCellKind.Gru, cell.InputSize, cell.HiddenSize));

    /// <summary>Wraps a head-free RNN.</summary>
    public static ReferenceDirection Of(ReferenceRnn cell) => Checked(cell.HasHead, new(cell, ReferenceCellKind.Rnn, cell.InputSize, cell.HiddenSize));

    /// <summary>A direction of <paramref name="kind"/> built from flat parameters in <see cref="FlatParameters"/> order.</summary>
    public static ReferenceDirection FromFlat(ReferenceCellKind kind, IReadOnlyList<double> theta, int inputSize, int hiddenSize) => kind switch
    {
        ReferenceCellKind.Lstm => Of(FlatParameters.ToLstm(theta, inputSize, hiddenSize)),
        ReferenceCellKind.Gru => Of(FlatParameters.ToGru(theta, inputSize, hiddenSize)),
        _ => Of(FlatParameters.ToRnn(theta, inputSize, hiddenSize)),
    };

    /// <summary>The number of parameters of a head-free cell of <paramref name="kind"/>.</summary>
    public static int ParameterCount(ReferenceCellKind kind, int inputSize, int hiddenSize) => kind switch
    {
        ReferenceCellKind.Lstm => FlatParameters.LstmCount(inputSize, hiddenSize),
        ReferenceCellKind.Gru => FlatParameters.GruCount(inputSize, hiddenSize),
        _ => FlatParameters.RnnCount(inputSize, hiddenSize),
    };

    /// <summary>The cell's kind.</summary>
    public ReferenceCellKind Kind { get; }

    /// <summary>D.</summary>
    public int InputSize { get; }

    /// <summary>H.</summary>
    public int HiddenSize { get; }

    /// <summary>Whether the state has a cell part c (LSTM).</summary>
    public bool HasCellState => Kind == ReferenceCellKind.Lstm;

    /// <summary>The wrapped cell (<see cref="ReferenceLstm"/>, <see cref="ReferenceGru"/> or <see cref="ReferenceRnn"/>).</summary>
    public object Cell => _cell;

    /// <summary>The parameters in <see cref="FlatParameters"/> order.</summary>
    public double[] Flatten() => _cell switch
    {
        ReferenceLstm lstm => FlatParameters.Flatten(lstm),
        ReferenceGru gru => FlatParameters.Flatten(gru),
        _ => FlatParameters.Flatten((ReferenceRnn)_cell),
    };

    /// <summary>Runs the sequence from (h0, c0) (null: zeros).</summary>
    public DirectionRun Forward(IReadOnlyList<Vector<double>> inputs, Vector<double>? h0, Vector<double>? c0)
    {
        switch (_cell)
        {
            case ReferenceLstm lstm:
                IReadOnlyList<LstmStep> l = lstm.Forward(inputs, h0, c0);
                return new DirectionRun([.. l.Select(s => s.H)], l.Count > 0 ? l[^1].H : Zeros(h0), l.Count > 0 ? l[^1].C : Zeros(c0));
            case ReferenceGru gru:
                IReadOnlyList<GruStep> g = gru.Forward(inputs, h0);
                return new DirectionRun([.. g.Select(s => s.H)], g.Count > 0 ? g[^1].H : Zeros(h0), null);
            default:
                IReadOnlyList<RnnStep> r = ((ReferenceRnn)_cell).Forward(inputs, h0);
                return new DirectionRun([.. r.Select(s => s.H)], r.Count > 0 ? r[^1].H : Zeros(h0), null);
        }
    }

    /// <summary>BPTT for upstream gradients <paramref name="dHidden"/> (one per step, in the order the direction ran).</summary>
    public DirectionGradients Backward(IReadOnlyList<Vector<double>> inputs, IReadOnlyList<Vector<double>> dHidden, Vector<double>? h0, Vector<double>? c0)
    {
        var upstream = new UpstreamGradientTargets(dHidden);
        switch (_cell)
        {
            case ReferenceLstm lstm:
                LstmGradients l = lstm.Backward(inputs, upstream, h0, c0);
                return new DirectionGradients(FlatParameters.Flatten(l.Parameters), l.DX, l.DH0, l.DC0);
            case ReferenceGru gru:
                GruGradients g = gru.Backward(inputs, upstream, h0);
                return new DirectionGradients(FlatParameters.Flatten(g.Parameters), g.DX, g.DH0, null);
            default:
                RnnGradients r = ((ReferenceRnn)_cell).Backward(inputs, upstream, h0);
                return new DirectionGradients(FlatParameters.Flatten(r.Parameters), r.DX, r.DH0, null);
        }
    }

    private Vector<double> Zeros(Vector<double>? state) => state ?? Vector<double>.Build.Dense(HiddenSize);

    private static ReferenceDirection Checked(bool hasHead, ReferenceDirection direction) => hasHead
        ? throw new ArgumentException("A model layer's cell has no head: the head belongs to the model.")
        : direction;
}
