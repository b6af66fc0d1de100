using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LstmGen.Generators.Diagnostics;
using LstmGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LstmGen.Generators.Validation;

/// <summary>
/// Reads a cell attribute's arguments and checks them: sizes in range, defined enum values, a forced unrolled kernel
/// within its limit, head options that agree; <c>Bias</c> (a bool, any constant valid) is read as it is. Shared by the generator and the analyzer.
/// </summary>
internal static class CellOptionRules
{
    /// <summary>
    /// Reads and checks the arguments. Returns the options when they can be read, even if a check failed (the problems
    /// say so); <c>null</c> when they cannot be read at all (the compiler reports why; LSTM0015 is added).
    /// </summary>
    public static CellOptions? ReadAndCheck(
        AttributeData attribute, CellKind kind, string cellName, Location fallback, List<DeclarationProblem> problems, CancellationToken token)
    {
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(token) as AttributeSyntax;
        Location attributeLocation = syntax?.GetLocation() ?? fallback;
        if (!TryRead(attribute, syntax, cellName, attributeLocation, problems, out CellOptions options))
        {
            problems.Add(DeclarationProblem.Of(
                DiagnosticDescriptors.DeclarationHasErrors,
                attributeLocation,
                cellName,
                $"the arguments of {CellAttributes.DisplayName(kind)} cannot be read"));
            return null;
        }

        CheckSize(options.InputSize, "InputSize", AttributeArgumentLocations.Constructor(syntax, 0, "inputSize", attributeLocation), cellName, problems);
        CheckSize(options.HiddenSize, "HiddenSize", AttributeArgumentLocations.Constructor(syntax, 1, "hiddenSize", attributeLocation), cellName, problems);
        if (options.Kernel == Kernel.Unrolled && InRange(options.InputSize) && InRange(options.HiddenSize))
        {
            int v = IsHead(options.Head) && options.OutputSize is { } size && InRange(size) ? size : 0;
            MemberSize largest = StraightLineSize.Largest(kind, options.InputSize, options.HiddenSize, v, options.HasBias);
            if (!StraightLineSize.WithinBudget(kind, options.InputSize, options.HiddenSize, v, options.HasBias))
            {
                problems.Add(DeclarationProblem.Of(
                    DiagnosticDescriptors.UnrolledTooLarge,
                    AttributeArgumentLocations.Named(syntax, "Kernel", attributeLocation),
                    cellName,
                    largest.Member,
                    largest.Instructions,
                    KernelLimits.MaxStraightLineIlInstructions));
            }
        }

        CheckHead(options, syntax, attributeLocation, cellName, problems);
        return options;
    }

    private static void CheckHead(CellOptions options, AttributeSyntax? syntax, Location attributeLocation, string cellName, List<DeclarationProblem> problems)
    {
        if (options.Head == OutputHeadKind.None && options.OutputSize is { } size and not 0)
        {
            problems.Add(DeclarationProblem.Of(
                DiagnosticDescriptors.OutputSizeWithoutHead,
                AttributeArgumentLocations.Named(syntax, "OutputSize", attributeLocation),
                cellName,
                size));
        }
        else if (IsHead(options.Head) && options.OutputSize is null)
        {
            problems.Add(DeclarationProblem.Of(
                DiagnosticDescriptors.HeadWithoutOutputSize,
                AttributeArgumentLocations.Named(syntax, "Output", attributeLocation),
                cellName,
                KernelLimits.MaxSize,
                options.Head.ToString(),
                options.Head == OutputHeadKind.Softmax ? "the number of classes" : "the number of values it predicts"));
        }
        else if (IsHead(options.Head) && options.OutputSize is { } v)
        {
            // An explicit 0 or a negative V is out of range (LSTM0005), like D and H; only a missing V is LSTM0010.
            CheckSize(v, "OutputSize", AttributeArgumentLocations.Named(syntax, "OutputSize", attributeLocation), cellName, problems);
        }
    }

    private static bool IsHead(OutputHeadKind head) => head is OutputHeadKind.Softmax or OutputHeadKind.Linear;

    private static bool InRange(int size) => size >= 1 && size <= KernelLimits.MaxSize;

    private static void CheckSize(int size, string what, Location location, string cellName, List<DeclarationProblem> problems)
    {
        if (InRange(size))
        {
            return;
        }

        int valid = Math.Max(1, Math.Min(size, KernelLimits.MaxSize));
        problems.Add(new DeclarationProblem(
            DiagnosticDescriptors.SizeOutOfRange,
            location,
            ImmutableArray.Create<object?>(what, cellName, size, KernelLimits.MaxSize),
            ImmutableDictionary<string, string?>.Empty.Add(
                DiagnosticDescriptors.ValidValueProperty, valid.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    /// <summary>Reads the arguments; false when one of them does not bind (a compiler error) or is repeated.</summary>
    private static bool TryRead(
        AttributeData attribute, AttributeSyntax? syntax, string cellName, Location attributeLocation, List<DeclarationProblem> problems, out CellOptions options)
    {
        options = default;
        if (attribute.AttributeConstructor is null
            || attribute.ConstructorArguments.Length != 2
            || attribute.ConstructorArguments[0] is not { Kind: TypedConstantKind.Primitive, Value: int d }
            || attribute.ConstructorArguments[1] is not { Kind: TypedConstantKind.Primitive, Value: int h })
        {
            return false;
        }

        options = new CellOptions(d, h, Scalar.Double, Kernel.Auto, OutputHeadKind.None, null);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            if (!seen.Add(named.Key) || named.Value.Kind is TypedConstantKind.Error)
            {
                return false;
            }

            if (named.Key == "Bias")
            {
                // A bool: every constant is a defined value (a non-constant is a compiler error, and LSTM0015).
                if (named.Value.Value is not bool bias)
                {
                    return false;
                }

                options = options with { HasBias = bias };
                continue;
            }

            if (named.Value.Value is not int value)
            {
                return false;
            }

            Location location = AttributeArgumentLocations.Named(syntax, named.Key, attributeLocation);
            switch (named.Key)
            {
                case "Scalar" when value is (int)Scalar.Double or (int)Scalar.Float:
                    options = options with { Scalar = (Scalar)value };
                    break;
                case "Scalar":
                    problems.Add(DeclarationProblem.Of(DiagnosticDescriptors.UnsupportedScalar, location, cellName, value));
                    break;
                case "Kernel" when value is >= (int)Kernel.Auto and <= (int)Kernel.Simd:
                    options = options with { Kernel = (Kernel)value };
                    break;
                case "Kernel":
                    problems.Add(DeclarationProblem.Of(
                        DiagnosticDescriptors.UndefinedOption, location, cellName, "Kernel", value, "KernelStrategy", "Auto, Unrolled, Loops, Simd"));
                    break;
                case "Output" when value is (int)OutputHeadKind.None or (int)OutputHeadKind.Softmax or (int)OutputHeadKind.Linear:
                    options = options with { Head = (OutputHeadKind)value };
                    break;
                case "Output":
                    problems.Add(DeclarationProblem.Of(
                        DiagnosticDescriptors.UndefinedOption, location, cellName, "Output", value, "OutputHead", "None, Softmax, Linear"));
                    // The head is unknown: skip the head checks rather than guess.
                    options = options with { Head = (OutputHeadKind)(-1) };
                    break;
                case "OutputSize":
                    options = options with { OutputSize = value };
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
