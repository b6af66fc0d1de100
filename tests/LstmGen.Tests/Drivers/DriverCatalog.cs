using LstmGen.Tests.Cells;
using LstmGen.Tests.Support;

namespace LstmGen.Tests.Drivers;

/// <summary>Every driver by cell name, so that theories can take a plain string (stable test names).</summary>
internal static class DriverCatalog
{
    /// <summary>The cells compared with the reference: six sizes, each as double and float.</summary>
    public static readonly IReadOnlyList<ICellDriver> Agreement =
    [
        LstmDriver.For(typeof(Lstm1x1Double)), LstmDriver.For(typeof(Lstm1x1Float)),
        LstmDriver.For(typeof(Lstm2x1Double)), LstmDriver.For(typeof(Lstm2x1Float)),
        LstmDriver.For(typeof(Lstm3x5Double)), LstmDriver.For(typeof(Lstm3x5Float)),
        LstmDriver.For(typeof(Lstm10x16Double)), LstmDriver.For(typeof(Lstm10x16Float)),
        LstmDriver.For(typeof(Lstm7x33Double)), LstmDriver.For(typeof(Lstm7x33Float)),
        LstmDriver.For(typeof(Lstm10x128Double)), LstmDriver.For(typeof(Lstm10x128Float)),
    ];

    /// <summary>Pairs of the same size declared with <c>Kernel = Unrolled</c> and <c>Kernel = Loops</c>.</summary>
    public static readonly IReadOnlyList<(ICellDriver Unrolled, ICellDriver Loops)> KernelPairs =
    [
        (LstmDriver.For(typeof(Unrolled2x1)), LstmDriver.For(typeof(Loops2x1))),
        (LstmDriver.For(typeof(Unrolled3x5)), LstmDriver.For(typeof(Loops3x5))),
        (LstmDriver.For(typeof(Unrolled4x6)), LstmDriver.For(typeof(Loops4x6))),
        (LstmDriver.For(typeof(Unrolled3x5Float)), LstmDriver.For(typeof(Loops3x5Float))),
    ];

    public static ICellDriver Get(string name) =>
        Agreement.Concat(KernelPairs.SelectMany(p => new[] { p.Unrolled, p.Loops })).Single(d => d.Name == name);
}
