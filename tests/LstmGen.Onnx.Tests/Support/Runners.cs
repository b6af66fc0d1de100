namespace LstmGen.Onnx.Tests.Support;

/// <summary>The runners of Cells.cs by name, so that theories take a plain string.</summary>
internal static class Runners
{
    public static ICellRunner Get(string name) => name switch
    {
        nameof(LstmD3H5V4Float) => CellRunner.Create<float, LstmD3H5V4Float.Parameters, Vector3<float>, Vector5<float>, LstmD3H5V4Float.State, float, Vector4<float>>(
            LstmD3H5V4Float.Layout, () => new(), p => p.AsSpan(), LstmD3H5V4Float.ForwardSequenceBatch, LstmD3H5V4Float.HeadForward, LstmD3H5V4Float.Softmax),
        nameof(LstmD10H33V7Float) => CellRunner.Create<float, LstmD10H33V7Float.Parameters, Vector10<float>, Vector33<float>, LstmD10H33V7Float.State, float, Vector7<float>>(
            LstmD10H33V7Float.Layout, () => new(), p => p.AsSpan(), LstmD10H33V7Float.ForwardSequenceBatch, LstmD10H33V7Float.HeadForward, LstmD10H33V7Float.Softmax),
        nameof(LstmD4H16Float) => CellRunner.Create<float, LstmD4H16Float.Parameters, Vector4<float>, Vector16<float>, LstmD4H16Float.State, float, Vector16<float>>(
            LstmD4H16Float.Layout, () => new(), p => p.AsSpan(), LstmD4H16Float.ForwardSequenceBatch, null, null),
        nameof(RnnD3H5V4Float) => CellRunner.Create<float, RnnD3H5V4Float.Parameters, Vector3<float>, Vector5<float>, RnnD3H5V4Float.State, float, Vector4<float>>(
            RnnD3H5V4Float.Layout, () => new(), p => p.AsSpan(), RnnD3H5V4Float.ForwardSequenceBatch, RnnD3H5V4Float.HeadForward, RnnD3H5V4Float.Softmax),
        nameof(RnnD10H33Float) => CellRunner.Create<float, RnnD10H33Float.Parameters, Vector10<float>, Vector33<float>, RnnD10H33Float.State, float, Vector33<float>>(
            RnnD10H33Float.Layout, () => new(), p => p.AsSpan(), RnnD10H33Float.ForwardSequenceBatch, null, null),
        nameof(LstmD4H6V3Double) => CellRunner.Create<double, LstmD4H6V3Double.Parameters, Vector4<double>, Vector6<double>, LstmD4H6V3Double.State, double, Vector3<double>>(
            LstmD4H6V3Double.Layout, () => new(), p => p.AsSpan(), LstmD4H6V3Double.ForwardSequenceBatch, LstmD4H6V3Double.HeadForward, LstmD4H6V3Double.Softmax),
        nameof(RnnD4H6V3Double) => CellRunner.Create<double, RnnD4H6V3Double.Parameters, Vector4<double>, Vector6<double>, RnnD4H6V3Double.State, double, Vector3<double>>(
            RnnD4H6V3Double.Layout, () => new(), p => p.AsSpan(), RnnD4H6V3Double.ForwardSequenceBatch, RnnD4H6V3Double.HeadForward, RnnD4H6V3Double.Softmax),
        _ => throw new ArgumentException($"No cell {name} in Cells.cs.", nameof(name)),
    };
}
