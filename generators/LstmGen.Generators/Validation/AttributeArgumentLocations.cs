using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LstmGen.Generators.Validation;

/// <summary>Finds the expression of an attribute argument, so that a diagnostic underlines the offending value.</summary>
internal static class AttributeArgumentLocations
{
    /// <summary>The constructor argument at <paramref name="position"/> (or written as <c>parameterName:</c>).</summary>
    public static Location Constructor(AttributeSyntax? syntax, int position, string parameterName, Location fallback)
    {
        if (syntax?.ArgumentList is not { } list)
        {
            return fallback;
        }

        int index = 0;
        foreach (AttributeArgumentSyntax argument in list.Arguments)
        {
            if (argument.NameEquals is not null)
            {
                continue;
            }

            if (argument.NameColon is { } colon)
            {
                if (colon.Name.Identifier.ValueText == parameterName)
                {
                    return argument.Expression.GetLocation();
                }
            }
            else if (index == position)
            {
                return argument.Expression.GetLocation();
            }

            index++;
        }

        return fallback;
    }

    /// <summary>The named argument <c>name = value</c>.</summary>
    public static Location Named(AttributeSyntax? syntax, string name, Location fallback)
    {
        if (syntax?.ArgumentList is { } list)
        {
            foreach (AttributeArgumentSyntax argument in list.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument.Expression.GetLocation();
                }
            }
        }

        return fallback;
    }
}
