using LstmGen;

namespace LstmGen.Tests.Cells;

// Cells compared with the independent MathNet reference (ReferenceAgreementTests), one per size and scalar type.
// Kernels are left on Auto: (1,1), (2,1), (3,5) come out unrolled; (10,16), (7,33), (10,128) as loops.

/// <summary>Reference-agreement cell D = 1, H = 1, double.</summary>
[LstmCell(1, 1)]
public static partial class Lstm1x1Double;

/// <summary>Reference-agreement cell D = 1, H = 1, float.</summary>
[LstmCell(1, 1, Scalar = ScalarType.Float)]
public static partial class Lstm1x1Float;

/// <summary>Reference-agreement cell D = 2, H = 1, double.</summary>
[LstmCell(2, 1)]
public static partial class Lstm2x1Double;

/// <summary>Reference-agreement cell D = 2, H = 1, float.</summary>
[LstmCell(2, 1, Scalar = ScalarType.Float)]
public static partial class Lstm2x1Float;

/// <summary>Reference-agreement cell D = 3, H = 5, double.</summary>
[LstmCell(3, 5)]
public static partial class Lstm3x5Double;

/// <summary>Reference-agreement cell D = 3, H = 5, float.</summary>
[LstmCell(3, 5, Scalar = ScalarType.Float)]
public static partial class Lstm3x5Float;

/// <summary>Reference-agreement cell D = 10, H = 16, double.</summary>
[LstmCell(10, 16)]
public static partial class Lstm10x16Double;

/// <summary>Reference-agreement cell D = 10, H = 16, float.</summary>
[LstmCell(10, 16, Scalar = ScalarType.Float)]
public static partial class Lstm10x16Float;

/// <summary>Reference-agreement cell D = 7, H = 33, double.</summary>
[LstmCell(7, 33)]
public static partial class Lstm7x33Double;

/// <summary>Reference-agreement cell D = 7, H = 33, float.</summary>
[LstmCell(7, 33, Scalar = ScalarType.Float)]
public static partial class Lstm7x33Float;

/// <summary>Reference-agreement cell D = 10, H = 128, double (also the large cell of AllocationTests).</summary>
[LstmCell(10, 128)]
public static partial class Lstm10x128Double;

/// <summary>Reference-agreement cell D = 10, H = 128, float.</summary>
[LstmCell(10, 128, Scalar = ScalarType.Float)]
public static partial class Lstm10x128Float;
