using System.Numerics;
using LstmGen.Kernels;

namespace LstmGen.Models.Tests.Support;

/// <summary>
/// Drivers by cell name, so that theories take a plain string (stable, readable test names). Each generated cell is
/// listed once with its kernel and scalar type: the driver holds it as <see cref="IRecurrentCell{T}"/>, no reflection.
/// </summary>
internal static class Drivers
{
    /// <summary>The 24 cells of the grid in LstmGen.TestCells/AgreementCells.cs ({RNN, LSTM} x {no head, head} x 3 sizes x 2 scalars).</summary>
    public static readonly IReadOnlyList<Type> Agreement =
    [
        typeof(Rnn1x1Double), typeof(Rnn1x1Head2Double), typeof(Rnn1x1Float), typeof(Rnn1x1Head2Float),
        typeof(Rnn3x5Double), typeof(Rnn3x5Head4Double), typeof(Rnn3x5Float), typeof(Rnn3x5Head4Float),
        typeof(Rnn10x128Double), typeof(Rnn10x128Head10Double), typeof(Rnn10x128Float), typeof(Rnn10x128Head10Float),
        typeof(Lstm1x1Double), typeof(Lstm1x1Head2Double), typeof(Lstm1x1Float), typeof(Lstm1x1Head2Float),
        typeof(Lstm3x5Double), typeof(Lstm3x5Head4Double), typeof(Lstm3x5Float), typeof(Lstm3x5Head4Float),
        typeof(Lstm10x128Double), typeof(Lstm10x128Head10Double), typeof(Lstm10x128Float), typeof(Lstm10x128Head10Float),
    ];

    /// <summary>Every generated cell of LstmGen.TestCells that the drivers serve, with its kernel and scalar type.</summary>
    private static readonly Dictionary<string, ICellDriver> ByName = new ICellDriver[]
    {
        // LstmGen.TestCells/AgreementCells.cs
        Add<Rnn1x1Double.Kernel, double>(nameof(Rnn1x1Double)),
        Add<Rnn1x1Head2Double.Kernel, double>(nameof(Rnn1x1Head2Double)),
        Add<Rnn1x1Float.Kernel, float>(nameof(Rnn1x1Float)),
        Add<Rnn1x1Head2Float.Kernel, float>(nameof(Rnn1x1Head2Float)),
        Add<Rnn3x5Double.Kernel, double>(nameof(Rnn3x5Double)),
        Add<Rnn3x5Head4Double.Kernel, double>(nameof(Rnn3x5Head4Double)),
        Add<Rnn3x5Float.Kernel, float>(nameof(Rnn3x5Float)),
        Add<Rnn3x5Head4Float.Kernel, float>(nameof(Rnn3x5Head4Float)),
        Add<Rnn10x128Double.Kernel, double>(nameof(Rnn10x128Double)),
        Add<Rnn10x128Head10Double.Kernel, double>(nameof(Rnn10x128Head10Double)),
        Add<Rnn10x128Float.Kernel, float>(nameof(Rnn10x128Float)),
        Add<Rnn10x128Head10Float.Kernel, float>(nameof(Rnn10x128Head10Float)),
        Add<Lstm1x1Double.Kernel, double>(nameof(Lstm1x1Double)),
        Add<Lstm1x1Head2Double.Kernel, double>(nameof(Lstm1x1Head2Double)),
        Add<Lstm1x1Float.Kernel, float>(nameof(Lstm1x1Float)),
        Add<Lstm1x1Head2Float.Kernel, float>(nameof(Lstm1x1Head2Float)),
        Add<Lstm3x5Double.Kernel, double>(nameof(Lstm3x5Double)),
        Add<Lstm3x5Head4Double.Kernel, double>(nameof(Lstm3x5Head4Double)),
        Add<Lstm3x5Float.Kernel, float>(nameof(Lstm3x5Float)),
        Add<Lstm3x5Head4Float.Kernel, float>(nameof(Lstm3x5Head4Float)),
        Add<Lstm10x128Double.Kernel, double>(nameof(Lstm10x128Double)),
        Add<Lstm10x128Head10Double.Kernel, double>(nameof(Lstm10x128Head10Double)),
        Add<Lstm10x128Float.Kernel, float>(nameof(Lstm10x128Float)),
        Add<Lstm10x128Head10Float.Kernel, float>(nameof(Lstm10x128Head10Float)),
        // LstmGen.TestCells/SimdCells.cs
        Add<Lstm1x1DoubleSimd.Kernel, double>(nameof(Lstm1x1DoubleSimd)),
        Add<Lstm1x1DoubleLoops.Kernel, double>(nameof(Lstm1x1DoubleLoops)),
        Add<Lstm1x1FloatSimd.Kernel, float>(nameof(Lstm1x1FloatSimd)),
        Add<Lstm1x1FloatLoops.Kernel, float>(nameof(Lstm1x1FloatLoops)),
        Add<Lstm3x7DoubleSimd.Kernel, double>(nameof(Lstm3x7DoubleSimd)),
        Add<Lstm3x7DoubleLoops.Kernel, double>(nameof(Lstm3x7DoubleLoops)),
        Add<Lstm3x7FloatSimd.Kernel, float>(nameof(Lstm3x7FloatSimd)),
        Add<Lstm3x7FloatLoops.Kernel, float>(nameof(Lstm3x7FloatLoops)),
        Add<Lstm10x15DoubleSimd.Kernel, double>(nameof(Lstm10x15DoubleSimd)),
        Add<Lstm10x15DoubleLoops.Kernel, double>(nameof(Lstm10x15DoubleLoops)),
        Add<Lstm10x15FloatSimd.Kernel, float>(nameof(Lstm10x15FloatSimd)),
        Add<Lstm10x15FloatLoops.Kernel, float>(nameof(Lstm10x15FloatLoops)),
        Add<Lstm17x17DoubleSimd.Kernel, double>(nameof(Lstm17x17DoubleSimd)),
        Add<Lstm17x17DoubleLoops.Kernel, double>(nameof(Lstm17x17DoubleLoops)),
        Add<Lstm17x17FloatSimd.Kernel, float>(nameof(Lstm17x17FloatSimd)),
        Add<Lstm17x17FloatLoops.Kernel, float>(nameof(Lstm17x17FloatLoops)),
        Add<Lstm5x33Head10DoubleSimd.Kernel, double>(nameof(Lstm5x33Head10DoubleSimd)),
        Add<Lstm5x33Head10DoubleLoops.Kernel, double>(nameof(Lstm5x33Head10DoubleLoops)),
        Add<Lstm5x33Head10FloatSimd.Kernel, float>(nameof(Lstm5x33Head10FloatSimd)),
        Add<Lstm5x33Head10FloatLoops.Kernel, float>(nameof(Lstm5x33Head10FloatLoops)),
        Add<Lstm10x129DoubleSimd.Kernel, double>(nameof(Lstm10x129DoubleSimd)),
        Add<Lstm10x129DoubleLoops.Kernel, double>(nameof(Lstm10x129DoubleLoops)),
        Add<Lstm10x129FloatSimd.Kernel, float>(nameof(Lstm10x129FloatSimd)),
        Add<Lstm10x129FloatLoops.Kernel, float>(nameof(Lstm10x129FloatLoops)),
        Add<Rnn2x7DoubleSimd.Kernel, double>(nameof(Rnn2x7DoubleSimd)),
        Add<Rnn2x7DoubleLoops.Kernel, double>(nameof(Rnn2x7DoubleLoops)),
        Add<Rnn2x7FloatSimd.Kernel, float>(nameof(Rnn2x7FloatSimd)),
        Add<Rnn2x7FloatLoops.Kernel, float>(nameof(Rnn2x7FloatLoops)),
        Add<Rnn10x17DoubleSimd.Kernel, double>(nameof(Rnn10x17DoubleSimd)),
        Add<Rnn10x17DoubleLoops.Kernel, double>(nameof(Rnn10x17DoubleLoops)),
        Add<Rnn10x17FloatSimd.Kernel, float>(nameof(Rnn10x17FloatSimd)),
        Add<Rnn10x17FloatLoops.Kernel, float>(nameof(Rnn10x17FloatLoops)),
        Add<Rnn3x33Head4DoubleSimd.Kernel, double>(nameof(Rnn3x33Head4DoubleSimd)),
        Add<Rnn3x33Head4DoubleLoops.Kernel, double>(nameof(Rnn3x33Head4DoubleLoops)),
        Add<Rnn3x33Head4FloatSimd.Kernel, float>(nameof(Rnn3x33Head4FloatSimd)),
        Add<Rnn3x33Head4FloatLoops.Kernel, float>(nameof(Rnn3x33Head4FloatLoops)),
        Add<Rnn10x129Head10DoubleSimd.Kernel, double>(nameof(Rnn10x129Head10DoubleSimd)),
        Add<Rnn10x129Head10DoubleLoops.Kernel, double>(nameof(Rnn10x129Head10DoubleLoops)),
        Add<Rnn10x129Head10FloatSimd.Kernel, float>(nameof(Rnn10x129Head10FloatSimd)),
        Add<Rnn10x129Head10FloatLoops.Kernel, float>(nameof(Rnn10x129Head10FloatLoops)),
        // LstmGen.TestCells/SeedCells.cs
        Add<Seed002Lstm.Kernel, double>(nameof(Seed002Lstm)),
        Add<Seed003CharLstm.Kernel, double>(nameof(Seed003CharLstm)),
        Add<Seed003TinyCharLstm.Kernel, double>(nameof(Seed003TinyCharLstm)),
        Add<Seed004Rnn.Kernel, double>(nameof(Seed004Rnn)),
        Add<Seed004Lstm.Kernel, double>(nameof(Seed004Lstm)),
    }.ToDictionary(driver => driver.Name, StringComparer.Ordinal);

    /// <summary>The driver of the cell class <paramref name="name"/> declared in LstmGen.TestCells.</summary>
    public static ICellDriver Get(string name) =>
        ByName.TryGetValue(name, out ICellDriver? driver) ? driver : throw new ArgumentException($"No cell {name} in LstmGen.TestCells (or not listed in Drivers).", nameof(name));

    /// <summary>The driver of the cell class <paramref name="cell"/> (by its name).</summary>
    public static ICellDriver Get(Type cell) => Get(cell.Name);

    private static ICellDriver Add<TKernel, T>(string name)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T> => CellDriver.For<TKernel, T>(name);
}
