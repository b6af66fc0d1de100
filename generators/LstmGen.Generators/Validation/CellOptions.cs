using LstmGen.Generators.Model;

namespace LstmGen.Generators.Validation;

/// <summary>The attribute's arguments as read, before the range and consistency checks.</summary>
/// <param name="InputSize">D.</param>
/// <param name="HiddenSize">H.</param>
/// <param name="Scalar">The scalar type (only defined values reach here).</param>
/// <param name="Kernel">The requested kernel strategy (only defined values reach here).</param>
/// <param name="Head">The output head (only defined values reach here).</param>
/// <param name="OutputSize">V as written; <c>null</c> when absent (so that an explicit 0 is out of range, not missing).</param>
/// <param name="HasBias">The <c>Bias</c> option: true (the default) unless the declaration says <c>Bias = false</c>.</param>
internal readonly record struct CellOptions(int InputSize, int HiddenSize, Scalar Scalar, Kernel Kernel, OutputHeadKind Head, int? OutputSize, bool HasBias = true);
