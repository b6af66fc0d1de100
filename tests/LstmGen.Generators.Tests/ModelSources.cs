namespace LstmGen.Generators.Tests;

/// <summary>Model declarations shared by the model tests; every public user type carries a doc comment.</summary>
internal static class ModelSources
{
    /// <summary>The spec's example cells: LSTM D = 1, H = 32 and GRU D = 64, H = 32, float (in their own file).</summary>
    public const string ForecasterCells = """
        using LstmGen;

        namespace Samples;

        /// <summary>The bottom layer's cell.</summary>
        [LstmCell(inputSize: 1, hiddenSize: 32, Scalar = ScalarType.Float)]
        public static partial class Lower;

        /// <summary>The top layer's cell: takes the bidirectional layer's 2 × 32 outputs.</summary>
        [GruCell(inputSize: 64, hiddenSize: 32, Scalar = ScalarType.Float)]
        public static partial class Upper;
        """;

    /// <summary>The spec's example model over <see cref="ForecasterCells"/>: a linear head V = 1 and dropout 0.1.</summary>
    public const string Forecaster = """
        using LstmGen;

        namespace Samples;

        /// <summary>The forecaster.</summary>
        [RecurrentModel(Output = OutputHead.Linear, OutputSize = 1, Dropout = 0.1)]
        [ModelLayer(typeof(Lower), Bidirectional = true)]
        [ModelLayer(typeof(Upper))]
        public static partial class Forecaster;
        """;

    /// <summary>One documented model <c>Samples.Stack</c> with the given <c>[RecurrentModel]</c> arguments and layer attributes.</summary>
    public static string Model(string modelArguments, string layers, string typeName = "Stack") => $$"""
        using LstmGen;

        namespace Samples;

        /// <summary>A test model.</summary>
        [RecurrentModel({{modelArguments}})]
        {{layers}}
        public static partial class {{typeName}};
        """;
}
