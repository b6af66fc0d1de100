namespace LstmGen.TestCells;

// Variable-length batches and many-to-one losses (SequenceLengthTests): each cell kind with every kernel strategy,
// D = 3, H = 5 (a SIMD tail), a softmax head V = 3 so that one cell serves the squared error and the cross-entropy.

/// <summary>Lstm D = 3, H = 5, head V = 3, double, unrolled.</summary>
[LstmCell(3, 5, OutputSize = 3, Output = OutputHead.Softmax, Kernel = KernelStrategy.Unrolled)]
public static partial class SeqLenLstmUnrolled;

/// <summary>Lstm D = 3, H = 5, head V = 3, double, loops.</summary>
[LstmCell(3, 5, OutputSize = 3, Output = OutputHead.Softmax, Kernel = KernelStrategy.Loops)]
public static partial class SeqLenLstmLoops;

/// <summary>Lstm D = 3, H = 5, head V = 3, double, simd.</summary>
[LstmCell(3, 5, OutputSize = 3, Output = OutputHead.Softmax, Kernel = KernelStrategy.Simd)]
public static partial class SeqLenLstmSimd;

/// <summary>Rnn D = 3, H = 5, head V = 3, double, unrolled.</summary>
[RnnCell(3, 5, OutputSize = 3, Output = OutputHead.Softmax, Kernel = KernelStrategy.Unrolled)]
public static partial class SeqLenRnnUnrolled;

/// <summary>Rnn D = 3, H = 5, head V = 3, double, loops.</summary>
[RnnCell(3, 5, OutputSize = 3, Output = OutputHead.Softmax, Kernel = KernelStrategy.Loops)]
public static partial class SeqLenRnnLoops;

/// <summary>Rnn D = 3, H = 5, head V = 3, double, simd.</summary>
[RnnCell(3, 5, OutputSize = 3, Output = OutputHead.Softmax, Kernel = KernelStrategy.Simd)]
public static partial class SeqLenRnnSimd;

/// <summary>Gru D = 3, H = 5, head V = 3, double, unrolled.</summary>
[GruCell(3, 5, OutputSize = 3, Output = OutputHead.Softmax, Kernel = KernelStrategy.Unrolled)]
public static partial class SeqLenGruUnrolled;

/// <summary>Gru D = 3, H = 5, head V = 3, double, loops.</summary>
[GruCell(3, 5, OutputSize = 3, Output = OutputHead.Softmax, Kernel = KernelStrategy.Loops)]
public static partial class SeqLenGruLoops;

/// <summary>Gru D = 3, H = 5, head V = 3, double, simd.</summary>
[GruCell(3, 5, OutputSize = 3, Output = OutputHead.Softmax, Kernel = KernelStrategy.Simd)]
public static partial class SeqLenGruSimd;

/// <summary>Lstm D = 3, H = 5, head V = 3, float, SIMD.</summary>
[LstmCell(3, 5, OutputSize = 3, Output = OutputHead.Softmax, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class SeqLenLstmSimdFloat;

/// <summary>Rnn D = 3, H = 5, head V = 3, float, SIMD.</summary>
[RnnCell(3, 5, OutputSize = 3, Output = OutputHead.Softmax, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class SeqLenRnnSimdFloat;

/// <summary>Gru D = 3, H = 5, head V = 3, float, SIMD.</summary>
[GruCell(3, 5, OutputSize = 3, Output = OutputHead.Softmax, Scalar = ScalarType.Float, Kernel = KernelStrategy.Simd)]
public static partial class SeqLenGruSimdFloat;
