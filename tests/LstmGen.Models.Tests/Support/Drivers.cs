using System.Collections.Concurrent;

namespace LstmGen.Models.Tests.Support;

/// <summary>
/// Drivers by cell name, so that theories take a plain string (stable, readable test names). The cell comes from
/// <see cref="CellCatalog"/>: the driver holds it as <see cref="IRecurrentCell{T}"/>, no reflection.
/// </summary>
internal static class Drivers
{
    /// <summary>
    /// The 36 cells of the grid in LstmGen.TestCells/AgreementCells.cs and GruAgreementCells.cs ({RNN, LSTM, GRU} x
    /// {no head, head} x 3 sizes x 2 scalars).
    /// </summary>
    public static readonly IReadOnlyList<Type> Agreement =
    [
        typeof(Rnn1x1Double), typeof(Rnn1x1Head2Double), typeof(Rnn1x1Float), typeof(Rnn1x1Head2Float),
        typeof(Rnn3x5Double), typeof(Rnn3x5Head4Double), typeof(Rnn3x5Float), typeof(Rnn3x5Head4Float),
        typeof(Rnn10x128Double), typeof(Rnn10x128Head10Double), typeof(Rnn10x128Float), typeof(Rnn10x128Head10Float),
        typeof(Lstm1x1Double), typeof(Lstm1x1Head2Double), typeof(Lstm1x1Float), typeof(Lstm1x1Head2Float),
        typeof(Lstm3x5Double), typeof(Lstm3x5Head4Double), typeof(Lstm3x5Float), typeof(Lstm3x5Head4Float),
        typeof(Lstm10x128Double), typeof(Lstm10x128Head10Double), typeof(Lstm10x128Float), typeof(Lstm10x128Head10Float),
        typeof(Gru1x1Double), typeof(Gru1x1Head2Double), typeof(Gru1x1Float), typeof(Gru1x1Head2Float),
        typeof(Gru3x5Double), typeof(Gru3x5Head4Double), typeof(Gru3x5Float), typeof(Gru3x5Head4Float),
        typeof(Gru10x128Double), typeof(Gru10x128Head10Double), typeof(Gru10x128Float), typeof(Gru10x128Head10Float),
    ];

    /// <summary>The driver of each cell asked for so far, by name (each built on first use, then shared).</summary>
    private static readonly ConcurrentDictionary<string, ICellDriver> ByName = new(StringComparer.Ordinal);

    /// <summary>The driver of the cell class <paramref name="name"/> declared in LstmGen.TestCells.</summary>
    public static ICellDriver Get(string name) => ByName.GetOrAdd(name, static name => CellCatalog.Get(name) switch
    {
        IRecurrentCell<double> cell => new CellDriver<double>(name, cell),
        IRecurrentCell<float> cell => new CellDriver<float>(name, cell),
        object other => throw new ArgumentException($"{name} is a {other.GetType().Name}, not a cell of float or double.", nameof(name)),
    });

    /// <summary>The driver of the cell class <paramref name="cell"/> (by its name).</summary>
    public static ICellDriver Get(Type cell) => Get(cell.Name);
}
