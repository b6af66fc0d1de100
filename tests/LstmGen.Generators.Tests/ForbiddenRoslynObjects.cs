using System.Reflection;
using Microsoft.CodeAnalysis;

namespace LstmGen.Generators.Tests;

/// <summary>
/// Walks an object graph (every instance field, public or private, of every class, struct, record and collection,
/// and every array element) and reports each Roslyn object that must never live in an incremental pipeline model:
/// they pin whole compilations in memory and defeat caching.
/// </summary>
internal static class ForbiddenRoslynObjects
{
    /// <summary>Types a pipeline model must not hold, directly or deep inside.</summary>
    public static readonly Type[] Types =
        [typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(SemanticModel), typeof(Compilation)];

    /// <summary>The paths (from <paramref name="rootName"/>) of every forbidden object reachable from <paramref name="root"/>.</summary>
    public static List<string> Find(object? root, string rootName)
    {
        var found = new List<string>();
        Visit(root, rootName, new HashSet<object>(ReferenceEqualityComparer.Instance), found);
        return found;
    }

    private static void Visit(object? value, string path, HashSet<object> visited, List<string> found)
    {
        if (value is null)
        {
            return;
        }

        Type type = value.GetType();
        if (Array.Exists(Types, forbidden => forbidden.IsAssignableFrom(type)))
        {
            found.Add($"{path}: {type.FullName}");
            return;
        }

        if (IsLeaf(type) || (!type.IsValueType && !visited.Add(value)))
        {
            return;
        }

        if (value is Array array)
        {
            int index = 0;
            foreach (object? element in array)
            {
                Visit(element, $"{path}[{index++}]", visited, found);
            }

            return;
        }

        // Collections, records and tuples keep everything they hold in fields (arrays in the end), so fields are enough.
        for (Type? declaring = type; declaring is not null; declaring = declaring.BaseType)
        {
            foreach (FieldInfo field in declaring.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.FieldType.IsPointer)
                {
                    Visit(field.GetValue(value), $"{path}.{field.Name}", visited, found);
                }
            }
        }
    }

    /// <summary>Values with nothing Roslyn-owned inside: primitives, enums, strings, and reflection or runtime handles.</summary>
    private static bool IsLeaf(Type type) =>
        type.IsPrimitive
        || type.IsEnum
        || type == typeof(string)
        || type == typeof(decimal)
        || type == typeof(Pointer)
        || typeof(MemberInfo).IsAssignableFrom(type)
        || typeof(Delegate).IsAssignableFrom(type);
}
