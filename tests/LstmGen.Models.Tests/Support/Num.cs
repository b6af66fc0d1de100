using System.Numerics;

namespace LstmGen.Models.Tests.Support;

/// <summary>Conversions between the test's double arrays and a cell's scalar type (double or float).</summary>
internal static class Num
{
    /// <summary>Widens to double (exact for float and double).</summary>
    public static double[] D<T>(T[] values)
        where T : INumberBase<T> => Array.ConvertAll(values, v => double.CreateChecked(v));

    /// <summary>Converts to the cell's scalar type (rounds to nearest for float).</summary>
    public static T[] To<T>(double[] values)
        where T : INumberBase<T> => Array.ConvertAll(values, T.CreateChecked);

    /// <summary>Rounds every value to the nearest float (kept as double), so float cells and the reference see the same inputs.</summary>
    public static double[] RoundToFloat(double[] values) => Array.ConvertAll(values, v => (double)(float)v);
}
