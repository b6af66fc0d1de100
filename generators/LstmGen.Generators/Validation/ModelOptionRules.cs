using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using LstmGen.Generators.Diagnostics;
using LstmGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LstmGen.Generators.Validation;

/// <summary>A model's options as read: the head, V and the dropout probability.</summary>
/// <param name="Head">The head (only defined values reach here).</param>
/// <param name="OutputSize">V as written (0 when absent).</param>
/// <param name="Dropout">The dropout probability as written (0 when absent).</param>
internal readonly record struct ModelOptions(OutputHeadKind Head, int OutputSize, double Dropout);

/// <summary>
/// Reads <c>[RecurrentModel]</c>'s arguments and checks them: a defined head (LSTM0008), a head with V ≥ 1 (LSTM0027), no
/// V without a head (LSTM0028), dropout in [0, 1) (LSTM0029). Shared by the generator and the analyzer.
/// </summary>
internal static class ModelOptionRules
{
    /// <summary>
    /// Reads and checks the arguments. Returns the options when they can be read, even if a check failed (the problems
    /// say so); <c>null</c> when they cannot be read at all (the compiler reports why; LSTM0015 is added).
    /// </summary>
    public static ModelOptions? ReadAndCheck(AttributeData attribute, string modelName, Location fallback, List<DeclarationProblem> problems, CancellationToken token)
    {
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(token) as AttributeSyntax;
        Location attributeLocation = syntax?.GetLocation() ?? fallback;
        OutputHeadKind? head = OutputHeadKind.None;
        int? outputSize = null;
        double dropout = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool readable = attribute.AttributeConstructor is not null;
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            readable &= seen.Add(named.Key) && named.Value.Kind is not TypedConstantKind.Error;
            Location location = AttributeArgumentLocations.Named(syntax, named.Key, attributeLocation);
            switch (named.Key, named.Value.Value)
            {
                case ("Output", int value) when value is >= (int)OutputHeadKind.None and <= (int)OutputHeadKind.Linear:
                    head = (OutputHeadKind)value;
                    break;
                case ("Output", int value):
                    problems.Add(DeclarationProblem.Of(
                        DiagnosticDescriptors.UndefinedOption, location, modelName, "Output", value, "OutputHead", "None, Softmax, Linear"));
                    head = null; // unknown: skip the head checks rather than guess
                    break;
                case ("OutputSize", int value):
                    outputSize = value;
                    break;
                case ("Dropout", double value):
                    dropout = value;
                    break;
                default:
                    readable = false;
                    break;
            }
        }

        if (!readable)
        {
            problems.Add(DeclarationProblem.Of(
                DiagnosticDescriptors.DeclarationHasErrors, attributeLocation, modelName, "the arguments of [RecurrentModel] cannot be read"));
            return null;
        }

        CheckHead(head, outputSize, syntax, attributeLocation, modelName, problems);
        if (!(dropout >= 0 && dropout < 1))
        {
            problems.Add(DeclarationProblem.Of(
                DiagnosticDescriptors.DropoutOutOfRange,
                AttributeArgumentLocations.Named(syntax, "Dropout", attributeLocation),
                modelName,
                dropout.ToString("R", CultureInfo.InvariantCulture)));
        }

        return new ModelOptions(head ?? OutputHeadKind.None, outputSize ?? 0, dropout);
    }

    private static void CheckHead(OutputHeadKind? head, int? outputSize, AttributeSyntax? syntax, Location attributeLocation, string modelName, List<DeclarationProblem> problems)
    {
        if (head is OutputHeadKind.Softmax or OutputHeadKind.Linear && outputSize is not >= 1)
        {
            problems.Add(DeclarationProblem.Of(
                DiagnosticDescriptors.ModelHeadWithoutOutputSize,
                outputSize is null ? AttributeArgumentLocations.Named(syntax, "Output", attributeLocation) : AttributeArgumentLocations.Named(syntax, "OutputSize", attributeLocation),
                modelName,
                head == OutputHeadKind.Linear ? "linear" : "softmax",
                outputSize is { } v ? $"it sets OutputSize = {v.ToString(CultureInfo.InvariantCulture)}" : "it does not set OutputSize"));
        }
        else if (head is OutputHeadKind.Softmax or OutputHeadKind.Linear && outputSize > KernelLimits.MaxSize)
        {
            problems.Add(new DeclarationProblem(
                DiagnosticDescriptors.SizeOutOfRange,
                AttributeArgumentLocations.Named(syntax, "OutputSize", attributeLocation),
                ImmutableArray.Create<object?>("OutputSize", modelName, outputSize, KernelLimits.MaxSize),
                ImmutableDictionary<string, string?>.Empty.Add(
                    DiagnosticDescriptors.ValidValueProperty, KernelLimits.MaxSize.ToString(CultureInfo.InvariantCulture))));
        }
        else if (head == OutputHeadKind.None && outputSize is { } size and not 0)
        {
            problems.Add(DeclarationProblem.Of(
                DiagnosticDescriptors.ModelOutputSizeWithoutHead,
                AttributeArgumentLocations.Named(syntax, "OutputSize", attributeLocation),
                modelName,
                size));
        }
    }
}
