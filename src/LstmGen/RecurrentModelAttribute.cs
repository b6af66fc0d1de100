namespace LstmGen;

/// <summary>
/// Declares a recurrent model: the <see cref="ModelLayerAttribute"/>s on the same declaration, bottom layer first, and
/// an optional head on the top layer's output. The generator emits the model as <c>Model</c>
/// (a <see cref="Models.RecurrentModel{T}"/>); the analyzer checks at compile time that every layer takes the previous
/// layer's output (H, or 2H when bidirectional) as its input.
/// </summary>
/// <example>
/// <code>
/// [LstmCell(inputSize: 1, hiddenSize: 32)] public static partial class Lower;
/// [GruCell(inputSize: 64, hiddenSize: 32)] public static partial class Upper;
///
/// [RecurrentModel(Output = OutputHead.Linear, OutputSize = 1, Dropout = 0.1)]
/// [ModelLayer(typeof(Lower), Bidirectional = true)]   // 1 → 2 × 32
/// [ModelLayer(typeof(Upper))]                         // 64 → 32
/// public static partial class Forecaster;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RecurrentModelAttribute : Attribute
{
    /// <summary>The head on the top layer's output; <see cref="OutputHead.None"/> by default.</summary>
    public OutputHead Output { get; set; } = OutputHead.None;

    /// <summary>V: the head's outputs (classes of a softmax head, values of a linear head); 0 (no head) by default.</summary>
    public int OutputSize { get; set; }

    /// <summary>The probability, in [0, 1), with which training zeroes each output of every layer but the top one; 0 by default.</summary>
    public double Dropout { get; set; }
}
