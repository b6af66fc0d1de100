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
        new("LSTM 2x3 double", 60, typeof(Lstm2x3DoubleUnrolled), typeof(Lstm2x3DoubleSimd)),
        new("LSTM 1x4 double", 80, typeof(Lstm1x4DoubleUnrolled), typeof(Lstm1x4DoubleSimd)),
        new("LSTM 2x4 double", 96, typeof(Lstm2x4DoubleUnrolled), typeof(Lstm2x4DoubleSimd)),
        new("LSTM 3x4 double", 112, typeof(Lstm3x4DoubleUnrolled), typeof(Lstm3x4DoubleSimd)),
        new("LSTM 3x5 double", 160, typeof(Lstm3x5DoubleUnrolled), typeof(Lstm3x5DoubleSimd)),
        new("LSTM 4x6 double", 240, typeof(Lstm4x6DoubleUnrolled), typeof(Lstm4x6DoubleSimd)),
        new("LSTM 5x7 double", 336, typeof(Lstm5x7DoubleUnrolled), typeof(Lstm5x7DoubleSimd)),
        new("LSTM 2x3 float", 60, typeof(Lstm2x3FloatUnrolled), typeof(Lstm2x3FloatSimd)),
        new("LSTM 1x4 float", 80, typeof(Lstm1x4FloatUnrolled), typeof(Lstm1x4FloatSimd)),
        new("LSTM 2x4 float", 96, typeof(Lstm2x4FloatUnrolled), typeof(Lstm2x4FloatSimd)),
        new("LSTM 3x4 float", 112, typeof(Lstm3x4FloatUnrolled), typeof(Lstm3x4FloatSimd)),
        new("LSTM 3x5 float", 160, typeof(Lstm3x5FloatUnrolled), typeof(Lstm3x5FloatSimd)),
        new("LSTM 4x6 float", 240, typeof(Lstm4x6FloatUnrolled), typeof(Lstm4x6FloatSimd)),
        new("LSTM 5x7 float", 336, typeof(Lstm5x7FloatUnrolled), typeof(Lstm5x7FloatSimd)),
        new("RNN 4x6 double", 60, typeof(Rnn4x6DoubleUnrolled), typeof(Rnn4x6DoubleSimd)),
        new("RNN 5x7 double", 84, typeof(Rnn5x7DoubleUnrolled), typeof(Rnn5x7DoubleSimd)),
        new("RNN 6x8 double", 112, typeof(Rnn6x8DoubleUnrolled), typeof(Rnn6x8DoubleSimd)),
        new("RNN 8x10 double", 180, typeof(Rnn8x10DoubleUnrolled), typeof(Rnn8x10DoubleSimd)),
        new("RNN 10x12 double", 264, typeof(Rnn10x12DoubleUnrolled), typeof(Rnn10x12DoubleSimd)),
        new("RNN 12x14 double", 364, typeof(Rnn12x14DoubleUnrolled), typeof(Rnn12x14DoubleSimd)),
        new("RNN 4x6 float", 60, typeof(Rnn4x6FloatUnrolled), typeof(Rnn4x6FloatSimd)),
        new("RNN 5x7 float", 84, typeof(Rnn5x7FloatUnrolled), typeof(Rnn5x7FloatSimd)),
        new("RNN 6x8 float", 112, typeof(Rnn6x8FloatUnrolled), typeof(Rnn6x8FloatSimd)),
        new("RNN 8x10 float", 180, typeof(Rnn8x10FloatUnrolled), typeof(Rnn8x10FloatSimd)),
        new("RNN 10x12 float", 264, typeof(Rnn10x12FloatUnrolled), typeof(Rnn10x12FloatSimd)),
        new("RNN 12x14 float", 364, typeof(Rnn12x14FloatUnrolled), typeof(Rnn12x14FloatSimd)),
    ];
}

/// <summary>One size declared with both strategies.</summary>
internal sealed record ThresholdPair(string Label, int MultiplyAdds, Type Unrolled, Type Simd);
