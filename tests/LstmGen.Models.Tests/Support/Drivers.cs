using System.Collections.Concurrent;
using LstmGen.Models.Tests.Cells;

namespace LstmGen.Models.Tests.Support;

/// <summary>Drivers by cell name, so that theories take a plain string (stable, readable test names).</summary>
internal static class Drivers
{
    private static readonly ConcurrentDictionary<string, ICellDriver> Cache = new();

    /// <summary>The 24 cells of Cells/AgreementCells.cs.</summary>
    public static readonly IReadOnlyList<Type> Agreement =
    [
        typeof(Rnn1x1Double), typeof(Rnn1x1Head2Double), typeof(Rnn1x1Float), typeof(Rnn1x1Head2Float),
        typeof(Rnn3x5Double), typeof(Rnn3x5Head4Double), typeof(Rnn3x5Float), typeof(Rnn3x5Head4Float),
        typeof(Rnn10x128Double), typeof(Rnn10x128Head10Double), typeof(Rnn10x128Float), typeof(Rnn10x128Head10Float),
        typeof(Lstm1x1Double), typeof(Lstm1x1Head2Double), typeof(Lstm1x1Float), typeof(Lstm1x1Head2Float),
        typeof(Lstm3x5Double), typeof(Lstm3x5Head4Double), typeof(Lstm3x5Float), typeof(Lstm3x5Head4Float),
        typeof(Lstm10x128Double), typeof(Lstm10x128Head10Double), typeof(Lstm10x128Float), typeof(Lstm10x128Head10Float),
    ];

    /// <summary>The driver of the cell class <paramref name="name"/> declared in Cells/.</summary>
    public static ICellDriver Get(string name) =>
        Cache.GetOrAdd(name, n => CellDriver.For(
            typeof(Drivers).Assembly.GetType($"{typeof(Rnn1x1Double).Namespace}.{n}") ?? throw new ArgumentException($"No cell {n} in Cells/.", nameof(name))));

    public static ICellDriver Get(Type cell) => Cache.GetOrAdd(cell.Name, _ => CellDriver.For(cell));
}
