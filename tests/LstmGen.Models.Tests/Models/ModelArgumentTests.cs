using LstmGen.Models;

namespace LstmGen.Models.Tests.Models;

/// <summary>
/// Every wrong argument of every model entry point throws an exception that says what was expected, before anything is
/// written: every buffer the call writes holds a sentinel afterwards, and the workspace still holds the last forward.
/// </summary>
public sealed class ModelArgumentTests
{
    private const double Sentinel = 12345.5;
    private const int M = 2, Steps = 3;

    private readonly RecurrentModel<double> _linear = TestModels.LstmGru(OutputHead.Linear, 2, dropout: 0.2);
    private readonly RecurrentModel<double> _softmax = TestModels.BiRnnLstm(OutputHead.Softmax, 3);
    private readonly ModelProblem _a, _b;
    private readonly ModelWorkspace<double> _wsA, _wsB;
    private readonly double[] _final, _dInitial, _dxs, _dp, _dOutputs, _y, _dh, _state, _output, _finalB, _dpB, _dOutputsB;
    private readonly double[] _outputsA, _outputsB;

    public ModelArgumentTests()
    {
        _a = new ModelProblem(_linear, Steps, M, [3, 2], seed: 71);
        _b = new ModelProblem(_softmax, Steps, M, [3, 2], seed: 72);
        _wsA = _linear.CreateWorkspace(Steps, M);
        _wsB = _softmax.CreateWorkspace(Steps, M);
        _linear.Forward(_a.P, _a.Xs, M, _a.Lengths, _a.Initial, new double[_a.Initial.Length], _wsA, 1UL);
        _softmax.Forward(_b.P, _b.Xs, M, _b.Lengths, _b.Initial, new double[_b.Initial.Length], _wsB);
        _outputsA = _wsA.Outputs.ToArray();
        _outputsB = _wsB.Outputs.ToArray();
        _final = Filled(_a.Initial.Length);
        _dInitial = Filled(_a.Initial.Length);
        _dxs = Filled(_a.Xs.Length);
        _dp = Filled(_linear.ParameterCount);
        _dOutputs = Filled(Steps * M * _linear.OutputWidth);
        _y = Filled(2);
        _dh = Filled(_linear.OutputWidth);
        _state = Filled(M * _linear.StateLength);
        _output = Filled(M * _linear.OutputWidth);
        _finalB = Filled(_b.Initial.Length);
        _dpB = Filled(_softmax.ParameterCount);
        _dOutputsB = Filled(Steps * M * _softmax.OutputWidth);
    }

    public static TheoryData<string> Cases() => [.. CaseNames];

    private static readonly string[] CaseNames =
    [
        "Forward: p too short", "Forward: xs not whole steps", "Forward: more steps than the workspace", "Forward: batch size 0",
        "Forward: batch larger than the workspace", "Forward: lengths count", "Forward: length 0", "Forward: length above T",
        "Forward: initial length", "Forward: final length", "Forward: another model's workspace",
        "Backward: no forward yet", "Backward: other steps than the forward", "Backward: other lengths than the forward", "Backward: dOutputs length",
        "Backward: dInitial length", "Backward: dxs length", "Backward: dp length",
        "SquaredError: targets length", "SquaredError: loss steps", "SquaredError: reduction", "SquaredError: dOutputs length", "SquaredError: softmax model",
        "CrossEntropy: linear model", "CrossEntropy: class out of range", "CrossEntropy: classes length",
        "Gradient: targets length", "Gradient: dp length", "Gradient: dxs length", "Gradient: class out of range",
        "HeadForward: y length", "HeadForward: h length", "HeadForward: no head", "HeadBackward: dp length",
        "Step: bidirectional", "Step: state length", "Step: output length", "Step: x length",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_wrong_argument_throws_before_anything_is_written(string name)
    {
        Exception e = Record.Exception(Call(name));
        Assert.NotNull(e);
        Assert.True(e is ArgumentException or NotSupportedException or InvalidOperationException, $"{name}: {e.GetType().Name}");
        Assert.Contains("Expected", e.Message, StringComparison.Ordinal);
        foreach (double[] written in new[] { _final, _dInitial, _dxs, _dp, _dOutputs, _y, _dh, _state, _output, _finalB, _dpB, _dOutputsB })
        {
            Assert.All(written, v => Assert.Equal(Sentinel, v));
        }

        Assert.Equal(_outputsA, _wsA.Outputs.ToArray());
        Assert.Equal(_outputsB, _wsB.Outputs.ToArray());
    }

    private static double[] Filled(int length) => [.. Enumerable.Repeat(Sentinel, length)];

    private Action Call(string name)
    {
        RecurrentModel<double> l = _linear, s = _softmax;
        ModelProblem a = _a, b = _b;
        double[] p = a.P, xs = a.Xs;
        int[] lengths = a.Lengths;
        return name switch
        {
            "Forward: p too short" => () => l.Forward(p[1..], xs, M, lengths, a.Initial, _final, _wsA),
            "Forward: xs not whole steps" => () => l.Forward(p, xs[1..], M, lengths, a.Initial, _final, _wsA),
            "Forward: more steps than the workspace" => () => l.Forward(p, [.. xs, .. xs], M, [], a.Initial, _final, _wsA),
            "Forward: batch size 0" => () => l.Forward(p, xs, 0, [], [], _final, _wsA),
            "Forward: batch larger than the workspace" => () => l.Forward(p, xs, 3, [], [], [], _wsA),
            "Forward: lengths count" => () => l.Forward(p, xs, M, [3], a.Initial, _final, _wsA),
            "Forward: length 0" => () => l.Forward(p, xs, M, [3, 0], a.Initial, _final, _wsA),
            "Forward: length above T" => () => l.Forward(p, xs, M, [4, 1], a.Initial, _final, _wsA),
            "Forward: initial length" => () => l.Forward(p, xs, M, lengths, a.Initial[1..], _final, _wsA),
            "Forward: final length" => () => l.Forward(p, xs, M, lengths, a.Initial, _final.AsSpan(1), _wsA),
            "Forward: another model's workspace" => () => l.Forward(p, xs, M, lengths, a.Initial, _final, TestModels.LstmGru(OutputHead.Linear, 2).CreateWorkspace(Steps, M)),
            "Backward: no forward yet" => () => l.Backward(p, xs, M, lengths, _dOutputs, _dInitial, _dxs, _dp, l.CreateWorkspace(Steps, M)),
            "Backward: other steps than the forward" => () => l.Backward(p, xs.AsSpan(0, 2 * M * 3), M, [2, 2], _dOutputs.AsSpan(0, 2 * M * 5), _dInitial, [], _dp, _wsA),
            "Backward: other lengths than the forward" => () => l.Backward(p, xs, M, [3, 3], _dOutputs, _dInitial, _dxs, _dp, _wsA),
            "Backward: dOutputs length" => () => l.Backward(p, xs, M, lengths, _dOutputs[1..], _dInitial, _dxs, _dp, _wsA),
            "Backward: dInitial length" => () => l.Backward(p, xs, M, lengths, _dOutputs, _dInitial.AsSpan(1), _dxs, _dp, _wsA),
            "Backward: dxs length" => () => l.Backward(p, xs, M, lengths, _dOutputs, _dInitial, _dxs.AsSpan(1), _dp, _wsA),
            "Backward: dp length" => () => l.Backward(p, xs, M, lengths, _dOutputs, _dInitial, _dxs, _dp.AsSpan(1), _wsA),
            "SquaredError: targets length" => () => l.SquaredError(p, _outputsA, a.Targets[1..], _dOutputs, _dp, M, lengths),
            "SquaredError: loss steps" => () => l.SquaredError(p, _outputsA, a.Targets, _dOutputs, _dp, M, lengths, BatchReduction.Sum, (LossSteps)7),
            "SquaredError: reduction" => () => l.SquaredError(p, _outputsA, a.Targets, _dOutputs, _dp, M, lengths, (BatchReduction)5, LossSteps.Every),
            "SquaredError: dOutputs length" => () => l.SquaredError(p, _outputsA, a.Targets, _dOutputs.AsSpan(1), _dp, M, lengths),
            "SquaredError: softmax model" => () => s.SquaredError(b.P, _outputsB, new double[Steps * M * 3], _dOutputsB, _dpB, M, b.Lengths),
            "CrossEntropy: linear model" => () => l.CrossEntropy(p, _outputsA, new int[Steps * M], _dOutputs, _dp, M, lengths),
            "CrossEntropy: class out of range" => () => s.CrossEntropy(b.P, _outputsB, [0, 1, 2, 3, 0, -1], _dOutputsB, _dpB, M, b.Lengths),
            "CrossEntropy: classes length" => () => s.CrossEntropy(b.P, _outputsB, b.Classes[1..], _dOutputsB, _dpB, M, b.Lengths),
            "Gradient: targets length" => () => l.Gradient(p, xs, M, lengths, a.Initial, a.Targets[1..], _final, _dInitial, _dxs, _dp, _wsA),
            "Gradient: dp length" => () => l.Gradient(p, xs, M, lengths, a.Initial, a.Targets, _final, _dInitial, _dxs, _dp.AsSpan(1), _wsA),
            "Gradient: dxs length" => () => l.Gradient(p, xs, M, lengths, a.Initial, a.Targets, _final, _dInitial, _dxs.AsSpan(1), _dp, _wsA),
            "Gradient: class out of range" => () => s.Gradient(b.P, b.Xs, M, b.Lengths, b.Initial, [0, 1, 2, 3, 0, -1], _finalB, [], [], _dpB, _wsB),
            "HeadForward: y length" => () => l.HeadForward(p, new double[l.OutputWidth], _y.AsSpan(1)),
            "HeadForward: h length" => () => l.HeadForward(p, new double[l.OutputWidth + 1], _y),
            "HeadForward: no head" => () => TestModels.LstmGru().HeadForward(new double[TestModels.LstmGru().ParameterCount], new double[5], _y),
            "HeadBackward: dp length" => () => l.HeadBackward(p, new double[l.OutputWidth], new double[2], _dh, _dp.AsSpan(1)),
            "Step: bidirectional" => () => s.Step(b.P, new double[3], 1, new double[s.StateLength], _output.AsSpan(0, 3)),
            "Step: state length" => () => l.Step(p, new double[M * 3], M, _state.AsSpan(1), _output),
            "Step: output length" => () => l.Step(p, new double[M * 3], M, _state, _output.AsSpan(1)),
            "Step: x length" => () => l.Step(p, new double[(M * 3) + 1], M, _state, _output),
            _ => throw new ArgumentException(name),
        };
    }
}
