using LstmGen.Tests.Support;

namespace LstmGen.Tests.Drivers;

/// <summary>Every driver by cell name, so that theories can take a plain string (stable test names).</summary>
internal static class DriverCatalog
{
    /// <summary>The cells compared with the reference: six sizes, each as double and float.</summary>
    public static readonly IReadOnlyList<ICellDriver> Agreement =
    [
        new Lstm1x1DoubleNs.Driver(), new Lstm1x1FloatNs.Driver(),
        new Lstm2x1DoubleNs.Driver(), new Lstm2x1FloatNs.Driver(),
        new Lstm3x5DoubleNs.Driver(), new Lstm3x5FloatNs.Driver(),
        new Lstm10x16DoubleNs.Driver(), new Lstm10x16FloatNs.Driver(),
        new Lstm7x33DoubleNs.Driver(), new Lstm7x33FloatNs.Driver(),
        new Lstm10x128DoubleNs.Driver(), new Lstm10x128FloatNs.Driver(),
    ];

    /// <summary>Pairs of the same size declared with <c>Kernel = Unrolled</c> and <c>Kernel = Loops</c>.</summary>
    public static readonly IReadOnlyList<(ICellDriver Unrolled, ICellDriver Loops)> KernelPairs =
    [
        (new Unrolled2x1Ns.Driver(), new Loops2x1Ns.Driver()),
        (new Unrolled3x5Ns.Driver(), new Loops3x5Ns.Driver()),
        (new Unrolled4x6Ns.Driver(), new Loops4x6Ns.Driver()),
        (new Unrolled3x5FloatNs.Driver(), new Loops3x5FloatNs.Driver()),
    ];

    public static ICellDriver Get(string name) =>
        Agreement.Concat(KernelPairs.SelectMany(p => new[] { p.Unrolled, p.Loops })).Single(d => d.Name == name);
}
