using LstmGen.Generators.Model;

namespace LstmGen.Generators.Emit;

/// <summary>How a scalar type is spelled in generated C#.</summary>
internal sealed class ScalarSyntax
{
    private ScalarSyntax(string keyword, string one, string zero)
    {
        Keyword = keyword;
        One = one;
        Zero = zero;
    }

    /// <summary>The C# keyword: <c>double</c> or <c>float</c>.</summary>
    public string Keyword { get; }

    /// <summary>The literal 1 of the type (<c>1.0</c> or <c>1f</c>).</summary>
    public string One { get; }

    /// <summary>The literal 0 of the type (<c>0.0</c> or <c>0f</c>).</summary>
    public string Zero { get; }

    /// <summary>The literal ½ of the type.</summary>
    public string Half => Keyword == "float" ? "0.5f" : "0.5";

    public static ScalarSyntax For(Scalar scalar) =>
        scalar == Scalar.Float ? new ScalarSyntax("float", "1f", "0f") : new ScalarSyntax("double", "1.0", "0.0");
}
