namespace LstmGen.Generators.Tests;

/// <summary>
/// User declarations shared by several tests. Every public user type carries a doc comment, so that
/// compiling with <c>DocumentationMode.Diagnose</c> reports only what the generated code lacks.
/// </summary>
internal static class CellSources
{
    /// <summary>D = 2, H = 1, double: 12 multiply-adds, unrolled.</summary>
    public const string TinyLstm = """
        using LstmGen;

        namespace Samples;

        /// <summary>A tiny test cell.</summary>
        [LstmCell(2, 1)]
        public static partial class TinyLstm;
        """;

    /// <summary>D = 3, H = 5, float: 160 multiply-adds, unrolled because it asks (Auto would choose SIMD above 64).</summary>
    public const string SmallFloatLstm = """
        using LstmGen;

        namespace Samples;

        /// <summary>A small float test cell.</summary>
        [LstmCell(3, 5, Scalar = ScalarType.Float, Kernel = KernelStrategy.Unrolled)]
        public static partial class SmallLstm;
        """;

    /// <summary>D = 10, H = 16, double: 1664 multiply-adds, with the scalar loop kernels asked for explicitly.</summary>
    public const string MidLstm = """
        using LstmGen;

        namespace Samples;

        /// <summary>A mid-size test cell.</summary>
        [LstmCell(10, 16, Kernel = KernelStrategy.Loops)]
        public static partial class MidLstm;
        """;

    /// <summary>Seed 004's tanh RNN: D = 3, H = 5, no head, double: 40 multiply-adds, unrolled.</summary>
    public const string SmallRnn = """
        using LstmGen;

        namespace Samples;

        /// <summary>A small tanh RNN.</summary>
        [RnnCell(3, 5)]
        public static partial class SmallRnn;
        """;

    /// <summary>Seed 003's character model: D = 10, H = 128, softmax head V = 10, float, on the readable loop kernels.</summary>
    public const string CharLstm = """
        using LstmGen;

        namespace Samples;

        /// <summary>A character-level LSTM with a softmax head.</summary>
        [LstmCell(10, 128, OutputSize = 10, Output = OutputHead.Softmax, Scalar = ScalarType.Float, Kernel = KernelStrategy.Loops)]
        public static partial class CharLstm;
        """;

    /// <summary>
    /// D = 7, H = 9, float, softmax head V = 5: 576 multiply-adds, above the unroll budget, so SIMD kernels; 36 gate rows
    /// exercise a vector tail (Vector512: 2 vectors of 16 and an overlapping last vector; backward: 4 scalar rows).
    /// </summary>
    public const string SimdLstm = """
        using LstmGen;

        namespace Samples;

        /// <summary>A SIMD test cell.</summary>
        [LstmCell(7, 9, Scalar = ScalarType.Float, OutputSize = 5, Output = OutputHead.Softmax)]
        public static partial class SimdLstm;
        """;

    /// <summary>A GRU: D = 2, H = 2, double, no head: 3·2·(2 + 2) = 24 multiply-adds, unrolled.</summary>
    public const string SmallGru = """
        using LstmGen;

        namespace Samples;

        /// <summary>A small GRU.</summary>
        [GruCell(2, 2)]
        public static partial class SmallGru;
        """;

    /// <summary>A bias-free GRU (PyTorch's bias=False): D = 2, H = 2, double, unrolled: no b, no b_hn.</summary>
    public const string NoBiasGru = """
        using LstmGen;

        namespace Samples;

        /// <summary>A small GRU without biases.</summary>
        [GruCell(2, 2, Bias = false)]
        public static partial class NoBiasGru;
        """;

    /// <summary>An LSTM with a linear (regression) head: D = 1, H = 3, V = 1, double: 12·4 = 48 multiply-adds, unrolled.</summary>
    public const string LinearLstm = """
        using LstmGen;

        namespace Samples;

        /// <summary>A one-step-ahead forecaster.</summary>
        [LstmCell(1, 3, Output = OutputHead.Linear, OutputSize = 1)]
        public static partial class Forecaster;
        """;

    /// <summary>A GRU: D = 7, H = 9, float, softmax head V = 5: 3·9·16 = 432 multiply-adds, above the unroll budget, so SIMD kernels.</summary>
    public const string SimdGru = """
        using LstmGen;

        namespace Samples;

        /// <summary>A SIMD GRU with a softmax head.</summary>
        [GruCell(7, 9, Scalar = ScalarType.Float, OutputSize = 5, Output = OutputHead.Softmax)]
        public static partial class SimdGru;
        """;

    /// <summary>A cell nested in a partial class in the global namespace.</summary>
    public const string NestedGlobal = """
        using LstmGen;

        /// <summary>Holds a nested cell.</summary>
        public partial class Outer
        {
            /// <summary>A nested test cell.</summary>
            [LstmCell(2, 1)]
            public static partial class NestedLstm;
        }
        """;

    /// <summary>An ordinary class with nothing for the generator, used as the file an edit touches.</summary>
    public static string Unrelated(int value) => $$"""
        namespace Other;

        /// <summary>Unrelated to any cell.</summary>
        public static class Unrelated
        {
            /// <summary>Returns a constant.</summary>
            /// <returns>A number.</returns>
            public static int Value() => {{value}};
        }
        """;

    /// <summary>One documented cell <c>Samples.Cell</c> with the given attribute arguments.</summary>
    public static string Cell(string attributeArguments, string typeName = "Cell") => Cell("LstmCell", attributeArguments, typeName);

    /// <summary>One documented GRU <c>Samples.Cell</c> with the given attribute arguments.</summary>
    public static string Gru(string attributeArguments, string typeName = "Cell") => Cell("GruCell", attributeArguments, typeName);

    private static string Cell(string attribute, string attributeArguments, string typeName) => $$"""
        using LstmGen;

        namespace Samples;

        /// <summary>A test cell.</summary>
        [{{attribute}}({{attributeArguments}})]
        public static partial class {{typeName}};
        """;
}
