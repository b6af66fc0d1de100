using LstmGen.Kernels;

namespace LstmGen.Models.Tests.Contract;

// Kernels written the way the generator will write a loop-strategy cell: the sizes as constants, every member one
// line forwarding to the generic runtime kernel.

/// <summary>LSTM D = 3, H = 5, softmax head V = 4, double.</summary>
public readonly struct Lstm3x5Head4 : IRecurrentKernel<Lstm3x5Head4, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.Lstm;
    public static int InputSize => 3;
    public static int HiddenSize => 5;
    public static int OutputSize => 4;
    public static int CacheLength => LstmLoopKernel<Lstm3x5Head4, double>.CacheLength;
    public static void Forward(ReadOnlySpan<double> p, ReadOnlySpan<double> x, ReadOnlySpan<double> state, Span<double> next, Span<double> cache) => LstmLoopKernel<Lstm3x5Head4, double>.Forward(p, x, state, next, cache);
    public static void ForwardOneHot(ReadOnlySpan<double> p, int index, ReadOnlySpan<double> state, Span<double> next, Span<double> cache) => LstmLoopKernel<Lstm3x5Head4, double>.ForwardOneHot(p, index, state, next, cache);
    public static void Backward(ReadOnlySpan<double> p, ReadOnlySpan<double> x, ReadOnlySpan<double> cache, ReadOnlySpan<double> dNext, Span<double> dState, Span<double> dx, Span<double> dp) => LstmLoopKernel<Lstm3x5Head4, double>.Backward(p, x, cache, dNext, dState, dx, dp);
    public static void BackwardOneHot(ReadOnlySpan<double> p, int index, ReadOnlySpan<double> cache, ReadOnlySpan<double> dNext, Span<double> dState, Span<double> dp) => LstmLoopKernel<Lstm3x5Head4, double>.BackwardOneHot(p, index, cache, dNext, dState, dp);
    public static void Step(ReadOnlySpan<double> p, ReadOnlySpan<double> x, ReadOnlySpan<double> state, Span<double> next) => LstmLoopKernel<Lstm3x5Head4, double>.Step(p, x, state, next);
    public static void StepOneHot(ReadOnlySpan<double> p, int index, ReadOnlySpan<double> state, Span<double> next) => LstmLoopKernel<Lstm3x5Head4, double>.StepOneHot(p, index, state, next);
    public static void HeadForward(ReadOnlySpan<double> p, ReadOnlySpan<double> h, Span<double> logits) => LstmLoopKernel<Lstm3x5Head4, double>.HeadForward(p, h, logits);
    public static void HeadBackward(ReadOnlySpan<double> p, ReadOnlySpan<double> h, ReadOnlySpan<double> dLogits, Span<double> dh, Span<double> dp) => LstmLoopKernel<Lstm3x5Head4, double>.HeadBackward(p, h, dLogits, dh, dp);
}

/// <summary>tanh RNN D = 3, H = 5, softmax head V = 4, double.</summary>
public readonly struct Rnn3x5Head4 : IRecurrentKernel<Rnn3x5Head4, double>
{
    public static RecurrentCellKind Kind => RecurrentCellKind.TanhRnn;
    public static int InputSize => 3;
    public static int HiddenSize => 5;
    public static int OutputSize => 4;
    public static int CacheLength => RnnLoopKernel<Rnn3x5Head4, double>.CacheLength;
    public static void Forward(ReadOnlySpan<double> p, ReadOnlySpan<double> x, ReadOnlySpan<double> state, Span<double> next, Span<double> cache) => RnnLoopKernel<Rnn3x5Head4, double>.Forward(p, x, state, next, cache);
    public static void ForwardOneHot(ReadOnlySpan<double> p, int index, ReadOnlySpan<double> state, Span<double> next, Span<double> cache) => RnnLoopKernel<Rnn3x5Head4, double>.ForwardOneHot(p, index, state, next, cache);
    public static void Backward(ReadOnlySpan<double> p, ReadOnlySpan<double> x, ReadOnlySpan<double> cache, ReadOnlySpan<double> dNext, Span<double> dState, Span<double> dx, Span<double> dp) => RnnLoopKernel<Rnn3x5Head4, double>.Backward(p, x, cache, dNext, dState, dx, dp);
    public static void BackwardOneHot(ReadOnlySpan<double> p, int index, ReadOnlySpan<double> cache, ReadOnlySpan<double> dNext, Span<double> dState, Span<double> dp) => RnnLoopKernel<Rnn3x5Head4, double>.BackwardOneHot(p, index, cache, dNext, dState, dp);
    public static void Step(ReadOnlySpan<double> p, ReadOnlySpan<double> x, ReadOnlySpan<double> state, Span<double> next) => RnnLoopKernel<Rnn3x5Head4, double>.Step(p, x, state, next);
    public static void StepOneHot(ReadOnlySpan<double> p, int index, ReadOnlySpan<double> state, Span<double> next) => RnnLoopKernel<Rnn3x5Head4, double>.StepOneHot(p, index, state, next);
    public static void HeadForward(ReadOnlySpan<double> p, ReadOnlySpan<double> h, Span<double> logits) => RnnLoopKernel<Rnn3x5Head4, double>.HeadForward(p, h, logits);
    public static void HeadBackward(ReadOnlySpan<double> p, ReadOnlySpan<double> h, ReadOnlySpan<double> dLogits, Span<double> dh, Span<double> dp) => RnnLoopKernel<Rnn3x5Head4, double>.HeadBackward(p, h, dLogits, dh, dp);
}
