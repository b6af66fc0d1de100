namespace LstmGen.Benchmarks;

// Pairs of cells declared Unrolled and Simd around the unroll budget, for `--probe-threshold`: LSTM (4·H·(D+H)
// multiply-adds) 2x3 = 60, 1x4 = 80, 2x4 = 96, 3x4 = 112, 3x5 = 160, 4x6 = 240, 5x7 = 336; tanh RNN (H·(D+H))
// 4x6 = 60, 5x7 = 84, 6x8 = 112, 8x10 = 180, 10x12 = 264, 12x14 = 364; each in double and in float.

/// <summary>LSTM D = 2, H = 3, double: 60 multiply-adds, unrolled.</summary>
[LstmCell(2, 3, Kernel = KernelStrategy.Unrolled)]
public static partial class Lstm2x3DoubleUnrolled;

/// <summary>LSTM D = 2, H = 3, double: 60 multiply-adds, SIMD.</summary>
[LstmCell(2, 3, Kernel = KernelStrategy.Simd)]
public static partial class Lstm2x3DoubleSimd;

/// <summary>LSTM D = 1, H = 4, double: 80 multiply-adds, unrolled.</summary>
[LstmCell(1, 4, Kernel = KernelStrategy.Unrolled)]
public static partial class Lstm1x4DoubleUnrolled;

/// <summary>LSTM D = 1, H = 4, double: 80 multiply-adds, SIMD.</summary>
[LstmCell(1, 4, Kernel = KernelStrategy.Simd)]
public static partial class Lstm1x4DoubleSimd;

/// <summary>LSTM D = 2, H = 4, double: 96 multiply-adds, unrolled.</summary>
[LstmCell(2, 4, Kernel = KernelStrategy.Unrolled)]
public static partial class Lstm2x4DoubleUnrolled;

/// <summary>LSTM D = 2, H = 4, double: 96 multiply-adds, SIMD.</summary>
[LstmCell(2, 4, Kernel = KernelStrategy.Simd)]
public static partial class Lstm2x4DoubleSimd;

/// <summary>LSTM D = 3, H = 4, double: 112 multiply-adds, unrolled.</summary>
[LstmCell(3, 4, Kernel = KernelStrategy.Unrolled)]
public static partial class Lstm3x4DoubleUnrolled;

/// <summary>LSTM D = 3, H = 4, double: 112 multiply-adds, SIMD.</summary>
[LstmCell(3, 4, Kernel = KernelStrategy.Simd)]
public static partial class Lstm3x4DoubleSimd;

/// <summary>LSTM D = 3, H = 5, double: 160 multiply-adds, unrolled.</summary>
[LstmCell(3, 5, Kernel = KernelStrategy.Unrolled)]
public static partial class Lstm3x5DoubleUnrolled;

/// <summary>LSTM D = 3, H = 5, double: 160 multiply-adds, SIMD.</summary>
[LstmCell(3, 5, Kernel = KernelStrategy.Simd)]
public static partial class Lstm3x5DoubleSimd;

/// <summary>LSTM D = 4, H = 6, double: 240 multiply-adds, unrolled.</summary>
[LstmCell(4, 6, Kernel = KernelStrategy.Unrolled)]
public static partial class Lstm4x6DoubleUnrolled;

/// <summary>LSTM D = 4, H = 6, double: 240 multiply-adds, SIMD.</summary>
[LstmCell(4, 6, Kernel = KernelStrategy.Simd)]
public static partial class Lstm4x6DoubleSimd;

/// <summary>LSTM D = 5, H = 7, double: 336 multiply-adds, unrolled.</summary>
[LstmCell(5, 7, Kernel = KernelStrategy.Unrolled)]
public static partial class Lstm5x7DoubleUnrolled;

/// <summary>LSTM D = 5, H = 7, double: 336 multiply-adds, SIMD.</summary>
[LstmCell(5, 7, Kernel = KernelStrategy.Simd)]
public static partial class Lstm5x7DoubleSimd;

/// <summary>LSTM D = 2, H = 3, float: 60 multiply-adds, unrolled.</summary>
[LstmCell(2, 3, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)]
public static partial class Lstm2x3FloatUnrolled;

/// <summary>LSTM D = 2, H = 3, float: 60 multiply-adds, SIMD.</summary>
[LstmCell(2, 3, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Lstm2x3FloatSimd;

/// <summary>LSTM D = 1, H = 4, float: 80 multiply-adds, unrolled.</summary>
[LstmCell(1, 4, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)]
public static partial class Lstm1x4FloatUnrolled;

/// <summary>LSTM D = 1, H = 4, float: 80 multiply-adds, SIMD.</summary>
[LstmCell(1, 4, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Lstm1x4FloatSimd;

/// <summary>LSTM D = 2, H = 4, float: 96 multiply-adds, unrolled.</summary>
[LstmCell(2, 4, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)]
public static partial class Lstm2x4FloatUnrolled;

/// <summary>LSTM D = 2, H = 4, float: 96 multiply-adds, SIMD.</summary>
[LstmCell(2, 4, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Lstm2x4FloatSimd;

/// <summary>LSTM D = 3, H = 4, float: 112 multiply-adds, unrolled.</summary>
[LstmCell(3, 4, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)]
public static partial class Lstm3x4FloatUnrolled;

/// <summary>LSTM D = 3, H = 4, float: 112 multiply-adds, SIMD.</summary>
[LstmCell(3, 4, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Lstm3x4FloatSimd;

/// <summary>LSTM D = 3, H = 5, float: 160 multiply-adds, unrolled.</summary>
[LstmCell(3, 5, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)]
public static partial class Lstm3x5FloatUnrolled;

/// <summary>LSTM D = 3, H = 5, float: 160 multiply-adds, SIMD.</summary>
[LstmCell(3, 5, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Lstm3x5FloatSimd;

/// <summary>LSTM D = 4, H = 6, float: 240 multiply-adds, unrolled.</summary>
[LstmCell(4, 6, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)]
public static partial class Lstm4x6FloatUnrolled;

/// <summary>LSTM D = 4, H = 6, float: 240 multiply-adds, SIMD.</summary>
[LstmCell(4, 6, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Lstm4x6FloatSimd;

/// <summary>LSTM D = 5, H = 7, float: 336 multiply-adds, unrolled.</summary>
[LstmCell(5, 7, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)]
public static partial class Lstm5x7FloatUnrolled;

/// <summary>LSTM D = 5, H = 7, float: 336 multiply-adds, SIMD.</summary>
[LstmCell(5, 7, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Lstm5x7FloatSimd;

/// <summary>tanh RNN D = 4, H = 6, double: 60 multiply-adds, unrolled.</summary>
[RnnCell(4, 6, Kernel = KernelStrategy.Unrolled)]
public static partial class Rnn4x6DoubleUnrolled;

/// <summary>tanh RNN D = 4, H = 6, double: 60 multiply-adds, SIMD.</summary>
[RnnCell(4, 6, Kernel = KernelStrategy.Simd)]
public static partial class Rnn4x6DoubleSimd;

/// <summary>tanh RNN D = 5, H = 7, double: 84 multiply-adds, unrolled.</summary>
[RnnCell(5, 7, Kernel = KernelStrategy.Unrolled)]
public static partial class Rnn5x7DoubleUnrolled;

/// <summary>tanh RNN D = 5, H = 7, double: 84 multiply-adds, SIMD.</summary>
[RnnCell(5, 7, Kernel = KernelStrategy.Simd)]
public static partial class Rnn5x7DoubleSimd;

/// <summary>tanh RNN D = 6, H = 8, double: 112 multiply-adds, unrolled.</summary>
[RnnCell(6, 8, Kernel = KernelStrategy.Unrolled)]
public static partial class Rnn6x8DoubleUnrolled;

/// <summary>tanh RNN D = 6, H = 8, double: 112 multiply-adds, SIMD.</summary>
[RnnCell(6, 8, Kernel = KernelStrategy.Simd)]
public static partial class Rnn6x8DoubleSimd;

/// <summary>tanh RNN D = 8, H = 10, double: 180 multiply-adds, unrolled.</summary>
[RnnCell(8, 10, Kernel = KernelStrategy.Unrolled)]
public static partial class Rnn8x10DoubleUnrolled;

/// <summary>tanh RNN D = 8, H = 10, double: 180 multiply-adds, SIMD.</summary>
[RnnCell(8, 10, Kernel = KernelStrategy.Simd)]
public static partial class Rnn8x10DoubleSimd;

/// <summary>tanh RNN D = 10, H = 12, double: 264 multiply-adds, unrolled.</summary>
[RnnCell(10, 12, Kernel = KernelStrategy.Unrolled)]
public static partial class Rnn10x12DoubleUnrolled;

/// <summary>tanh RNN D = 10, H = 12, double: 264 multiply-adds, SIMD.</summary>
[RnnCell(10, 12, Kernel = KernelStrategy.Simd)]
public static partial class Rnn10x12DoubleSimd;

/// <summary>tanh RNN D = 12, H = 14, double: 364 multiply-adds, unrolled.</summary>
[RnnCell(12, 14, Kernel = KernelStrategy.Unrolled)]
public static partial class Rnn12x14DoubleUnrolled;

/// <summary>tanh RNN D = 12, H = 14, double: 364 multiply-adds, SIMD.</summary>
[RnnCell(12, 14, Kernel = KernelStrategy.Simd)]
public static partial class Rnn12x14DoubleSimd;

/// <summary>tanh RNN D = 4, H = 6, float: 60 multiply-adds, unrolled.</summary>
[RnnCell(4, 6, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)]
public static partial class Rnn4x6FloatUnrolled;

/// <summary>tanh RNN D = 4, H = 6, float: 60 multiply-adds, SIMD.</summary>
[RnnCell(4, 6, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Rnn4x6FloatSimd;

/// <summary>tanh RNN D = 5, H = 7, float: 84 multiply-adds, unrolled.</summary>
[RnnCell(5, 7, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)]
public static partial class Rnn5x7FloatUnrolled;

/// <summary>tanh RNN D = 5, H = 7, float: 84 multiply-adds, SIMD.</summary>
[RnnCell(5, 7, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Rnn5x7FloatSimd;

/// <summary>tanh RNN D = 6, H = 8, float: 112 multiply-adds, unrolled.</summary>
[RnnCell(6, 8, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)]
public static partial class Rnn6x8FloatUnrolled;

/// <summary>tanh RNN D = 6, H = 8, float: 112 multiply-adds, SIMD.</summary>
[RnnCell(6, 8, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Rnn6x8FloatSimd;

/// <summary>tanh RNN D = 8, H = 10, float: 180 multiply-adds, unrolled.</summary>
[RnnCell(8, 10, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)]
public static partial class Rnn8x10FloatUnrolled;

/// <summary>tanh RNN D = 8, H = 10, float: 180 multiply-adds, SIMD.</summary>
[RnnCell(8, 10, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Rnn8x10FloatSimd;

/// <summary>tanh RNN D = 10, H = 12, float: 264 multiply-adds, unrolled.</summary>
[RnnCell(10, 12, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)]
public static partial class Rnn10x12FloatUnrolled;

/// <summary>tanh RNN D = 10, H = 12, float: 264 multiply-adds, SIMD.</summary>
[RnnCell(10, 12, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Rnn10x12FloatSimd;

/// <summary>tanh RNN D = 12, H = 14, float: 364 multiply-adds, unrolled.</summary>
[RnnCell(12, 14, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)]
public static partial class Rnn12x14FloatUnrolled;

/// <summary>tanh RNN D = 12, H = 14, float: 364 multiply-adds, SIMD.</summary>
[RnnCell(12, 14, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class Rnn12x14FloatSimd;

/// <summary>The pairs the threshold probe measures: a label, the multiply-adds of the gate matrix, the unrolled and the SIMD cell.</summary>
internal static class ThresholdCells
{
    public static readonly ThresholdPair[] Pairs =
    [
        ThresholdPair.Of<Lstm2x3DoubleUnrolled.Kernel, Lstm2x3DoubleSimd.Kernel, double>("LSTM 2x3 double", 60),
        ThresholdPair.Of<Lstm1x4DoubleUnrolled.Kernel, Lstm1x4DoubleSimd.Kernel, double>("LSTM 1x4 double", 80),
        ThresholdPair.Of<Lstm2x4DoubleUnrolled.Kernel, Lstm2x4DoubleSimd.Kernel, double>("LSTM 2x4 double", 96),
        ThresholdPair.Of<Lstm3x4DoubleUnrolled.Kernel, Lstm3x4DoubleSimd.Kernel, double>("LSTM 3x4 double", 112),
        ThresholdPair.Of<Lstm3x5DoubleUnrolled.Kernel, Lstm3x5DoubleSimd.Kernel, double>("LSTM 3x5 double", 160),
        ThresholdPair.Of<Lstm4x6DoubleUnrolled.Kernel, Lstm4x6DoubleSimd.Kernel, double>("LSTM 4x6 double", 240),
        ThresholdPair.Of<Lstm5x7DoubleUnrolled.Kernel, Lstm5x7DoubleSimd.Kernel, double>("LSTM 5x7 double", 336),
        ThresholdPair.Of<Lstm2x3FloatUnrolled.Kernel, Lstm2x3FloatSimd.Kernel, float>("LSTM 2x3 float", 60),
        ThresholdPair.Of<Lstm1x4FloatUnrolled.Kernel, Lstm1x4FloatSimd.Kernel, float>("LSTM 1x4 float", 80),
        ThresholdPair.Of<Lstm2x4FloatUnrolled.Kernel, Lstm2x4FloatSimd.Kernel, float>("LSTM 2x4 float", 96),
        ThresholdPair.Of<Lstm3x4FloatUnrolled.Kernel, Lstm3x4FloatSimd.Kernel, float>("LSTM 3x4 float", 112),
        ThresholdPair.Of<Lstm3x5FloatUnrolled.Kernel, Lstm3x5FloatSimd.Kernel, float>("LSTM 3x5 float", 160),
        ThresholdPair.Of<Lstm4x6FloatUnrolled.Kernel, Lstm4x6FloatSimd.Kernel, float>("LSTM 4x6 float", 240),
        ThresholdPair.Of<Lstm5x7FloatUnrolled.Kernel, Lstm5x7FloatSimd.Kernel, float>("LSTM 5x7 float", 336),
        ThresholdPair.Of<Rnn4x6DoubleUnrolled.Kernel, Rnn4x6DoubleSimd.Kernel, double>("RNN 4x6 double", 60),
        ThresholdPair.Of<Rnn5x7DoubleUnrolled.Kernel, Rnn5x7DoubleSimd.Kernel, double>("RNN 5x7 double", 84),
        ThresholdPair.Of<Rnn6x8DoubleUnrolled.Kernel, Rnn6x8DoubleSimd.Kernel, double>("RNN 6x8 double", 112),
        ThresholdPair.Of<Rnn8x10DoubleUnrolled.Kernel, Rnn8x10DoubleSimd.Kernel, double>("RNN 8x10 double", 180),
        ThresholdPair.Of<Rnn10x12DoubleUnrolled.Kernel, Rnn10x12DoubleSimd.Kernel, double>("RNN 10x12 double", 264),
        ThresholdPair.Of<Rnn12x14DoubleUnrolled.Kernel, Rnn12x14DoubleSimd.Kernel, double>("RNN 12x14 double", 364),
        ThresholdPair.Of<Rnn4x6FloatUnrolled.Kernel, Rnn4x6FloatSimd.Kernel, float>("RNN 4x6 float", 60),
        ThresholdPair.Of<Rnn5x7FloatUnrolled.Kernel, Rnn5x7FloatSimd.Kernel, float>("RNN 5x7 float", 84),
        ThresholdPair.Of<Rnn6x8FloatUnrolled.Kernel, Rnn6x8FloatSimd.Kernel, float>("RNN 6x8 float", 112),
        ThresholdPair.Of<Rnn8x10FloatUnrolled.Kernel, Rnn8x10FloatSimd.Kernel, float>("RNN 8x10 float", 180),
        ThresholdPair.Of<Rnn10x12FloatUnrolled.Kernel, Rnn10x12FloatSimd.Kernel, float>("RNN 10x12 float", 264),
        ThresholdPair.Of<Rnn12x14FloatUnrolled.Kernel, Rnn12x14FloatSimd.Kernel, float>("RNN 12x14 float", 364),
    ];
}

/// <summary>One size declared with both strategies, with the probe's subjects of each.</summary>
internal sealed record ThresholdPair(string Label, int MultiplyAdds, ThresholdProbe.Subject[] Unrolled, ThresholdProbe.Subject[] Simd)
{
    public static ThresholdPair Of<TUnrolled, TSimd, T>(string label, int multiplyAdds)
        where TUnrolled : struct, LstmGen.Kernels.IRecurrentKernel<TUnrolled, T>
        where TSimd : struct, LstmGen.Kernels.IRecurrentKernel<TSimd, T>
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        new(label, multiplyAdds, ThresholdProbe.Subjects<TUnrolled, T>(), ThresholdProbe.Subjects<TSimd, T>());
}
