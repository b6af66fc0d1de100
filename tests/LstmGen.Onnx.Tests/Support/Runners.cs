namespace LstmGen.Onnx.Tests.Support;

/// <summary>The runners of Cells.cs by name, so that theories take a plain string.</summary>
internal static class Runners
{
    public static ICellRunner Get(string name) => name switch
    {
        nameof(LstmD3H5V4Float) => CellRunner.Create<float, LstmD3H5V4Float.Parameters, LstmD3H5V4Float.Input, LstmD3H5V4Float.Hidden, LstmD3H5V4Float.State, float, LstmD3H5V4Float.Output>(
            LstmD3H5V4Float.Layout, () => new(), p => p.AsSpan(), LstmD3H5V4Float.ForwardSequenceBatch, LstmD3H5V4Float.HeadForward, LstmD3H5V4Float.Softmax),
        nameof(LstmD10H33V7Float) => CellRunner.Create<float, LstmD10H33V7Float.Parameters, LstmD10H33V7Float.Input, LstmD10H33V7Float.Hidden, LstmD10H33V7Float.State, float, LstmD10H33V7Float.Output>(
            LstmD10H33V7Float.Layout, () => new(), p => p.AsSpan(), LstmD10H33V7Float.ForwardSequenceBatch, LstmD10H33V7Float.HeadForward, LstmD10H33V7Float.Softmax),
        nameof(LstmD4H16Float) => CellRunner.Create<float, LstmD4H16Float.Parameters, LstmD4H16Float.Input, LstmD4H16Float.Hidden, LstmD4H16Float.State, float, LstmD4H16Float.Hidden>(
            LstmD4H16Float.Layout, () => new(), p => p.AsSpan(), LstmD4H16Float.ForwardSequenceBatch, null, null),
        nameof(RnnD3H5V4Float) => CellRunner.Create<float, RnnD3H5V4Float.Parameters, RnnD3H5V4Float.Input, RnnD3H5V4Float.Hidden, RnnD3H5V4Float.State, float, RnnD3H5V4Float.Output>(
            RnnD3H5V4Float.Layout, () => new(), p => p.AsSpan(), RnnD3H5V4Float.ForwardSequenceBatch, RnnD3H5V4Float.HeadForward, RnnD3H5V4Float.Softmax),
        nameof(RnnD10H33Float) => CellRunner.Create<float, RnnD10H33Float.Parameters, RnnD10H33Float.Input, RnnD10H33Float.Hidden, RnnD10H33Float.State, float, RnnD10H33Float.Hidden>(
            RnnD10H33Float.Layout, () => new(), p => p.AsSpan(), RnnD10H33Float.ForwardSequenceBatch, null, null),
        nameof(LstmD4H6V3Double) => CellRunner.Create<double, LstmD4H6V3Double.Parameters, LstmD4H6V3Double.Input, LstmD4H6V3Double.Hidden, LstmD4H6V3Double.State, double, LstmD4H6V3Double.Output>(
            LstmD4H6V3Double.Layout, () => new(), p => p.AsSpan(), LstmD4H6V3Double.ForwardSequenceBatch, LstmD4H6V3Double.HeadForward, LstmD4H6V3Double.Softmax),
        nameof(RnnD4H6V3Double) => CellRunner.Create<double, RnnD4H6V3Double.Parameters, RnnD4H6V3Double.Input, RnnD4H6V3Double.Hidden, RnnD4H6V3Double.State, double, RnnD4H6V3Double.Output>(
            RnnD4H6V3Double.Layout, () => new(), p => p.AsSpan(), RnnD4H6V3Double.ForwardSequenceBatch, RnnD4H6V3Double.HeadForward, RnnD4H6V3Double.Softmax),
        _ => throw new ArgumentException($"No cell {name} in Cells.cs.", nameof(name)),
    };
}
