namespace LstmGen.Onnx.Tests.Support;

/// <summary>The runners of LstmGen.TestCells/OnnxCells.cs (and the linear-head cells of LinearHeadCells.cs, some bias-free cells of BiasFreeCells.cs) by name, so that theories take a plain string.</summary>
internal static class Runners
{
    public static ICellRunner Get(string name) => name switch
    {
        nameof(LstmD3H5V4Float) => new CellRunner<float>(RecurrentCell<LstmD3H5V4Float.Kernel, float>.Instance),
        nameof(LstmD10H33V7Float) => new CellRunner<float>(RecurrentCell<LstmD10H33V7Float.Kernel, float>.Instance),
        nameof(LstmD4H16Float) => new CellRunner<float>(RecurrentCell<LstmD4H16Float.Kernel, float>.Instance),
        nameof(RnnD3H5V4Float) => new CellRunner<float>(RecurrentCell<RnnD3H5V4Float.Kernel, float>.Instance),
        nameof(RnnD10H33Float) => new CellRunner<float>(RecurrentCell<RnnD10H33Float.Kernel, float>.Instance),
        nameof(LstmD4H6V3Double) => new CellRunner<double>(RecurrentCell<LstmD4H6V3Double.Kernel, double>.Instance),
        nameof(RnnD4H6V3Double) => new CellRunner<double>(RecurrentCell<RnnD4H6V3Double.Kernel, double>.Instance),
        nameof(LinearLstm3x5V2Float) => new CellRunner<float>(RecurrentCell<LinearLstm3x5V2Float.Kernel, float>.Instance),
        nameof(LinearRnn10x40V4Double) => new CellRunner<double>(RecurrentCell<LinearRnn10x40V4Double.Kernel, double>.Instance),
        nameof(LinearGru4x9V3Double) => new CellRunner<double>(RecurrentCell<LinearGru4x9V3Double.Kernel, double>.Instance),
        nameof(NoBiasLstm10x15Simd) => new CellRunner<double>(RecurrentCell<NoBiasLstm10x15Simd.Kernel, double>.Instance),
        nameof(NoBiasLstm5x33FloatSimd) => new CellRunner<float>(RecurrentCell<NoBiasLstm5x33FloatSimd.Kernel, float>.Instance),
        nameof(NoBiasRnn3x4Loops) => new CellRunner<double>(RecurrentCell<NoBiasRnn3x4Loops.Kernel, double>.Instance),
        nameof(NoBiasGru5x33Head7Simd) => new CellRunner<double>(RecurrentCell<NoBiasGru5x33Head7Simd.Kernel, double>.Instance),
        _ => throw new ArgumentException($"No cell {name} in LstmGen.TestCells/OnnxCells.cs.", nameof(name)),
    };
}
