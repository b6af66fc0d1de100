namespace LstmGen.Models.Tests.Support;

/// <summary>Every driver by cell name, so that theories can take a plain string (stable test names).</summary>
internal static class DriverCatalog
{
    /// <summary>The cells compared with the reference: six sizes, each as double and float.</summary>
    public static readonly IReadOnlyList<ISequenceDriver> Agreement =
    [
        LstmDriver.For<Lstm1x1Double.Kernel, double>(nameof(Lstm1x1Double)), LstmDriver.For<Lstm1x1Float.Kernel, float>(nameof(Lstm1x1Float)),
        LstmDriver.For<Lstm2x1Double.Kernel, double>(nameof(Lstm2x1Double)), LstmDriver.For<Lstm2x1Float.Kernel, float>(nameof(Lstm2x1Float)),
        LstmDriver.For<Lstm3x5Double.Kernel, double>(nameof(Lstm3x5Double)), LstmDriver.For<Lstm3x5Float.Kernel, float>(nameof(Lstm3x5Float)),
        LstmDriver.For<Lstm10x16Double.Kernel, double>(nameof(Lstm10x16Double)), LstmDriver.For<Lstm10x16Float.Kernel, float>(nameof(Lstm10x16Float)),
        LstmDriver.For<Lstm7x33Double.Kernel, double>(nameof(Lstm7x33Double)), LstmDriver.For<Lstm7x33Float.Kernel, float>(nameof(Lstm7x33Float)),
        LstmDriver.For<Lstm10x128Double.Kernel, double>(nameof(Lstm10x128Double)), LstmDriver.For<Lstm10x128Float.Kernel, float>(nameof(Lstm10x128Float)),
    ];

    /// <summary>Pairs of the same size declared with <c>Kernel = Unrolled</c> and <c>Kernel = Loops</c>.</summary>
    public static readonly IReadOnlyList<(ISequenceDriver Unrolled, ISequenceDriver Loops)> KernelPairs =
    [
        (LstmDriver.For<Unrolled2x1.Kernel, double>(nameof(Unrolled2x1)), LstmDriver.For<Loops2x1.Kernel, double>(nameof(Loops2x1))),
        (LstmDriver.For<Unrolled3x5.Kernel, double>(nameof(Unrolled3x5)), LstmDriver.For<Loops3x5.Kernel, double>(nameof(Loops3x5))),
        (LstmDriver.For<Unrolled4x6.Kernel, double>(nameof(Unrolled4x6)), LstmDriver.For<Loops4x6.Kernel, double>(nameof(Loops4x6))),
        (LstmDriver.For<Unrolled3x5Float.Kernel, float>(nameof(Unrolled3x5Float)), LstmDriver.For<Loops3x5Float.Kernel, float>(nameof(Loops3x5Float))),
    ];

    public static ISequenceDriver Get(string name) =>
        Agreement.Concat(KernelPairs.SelectMany(p => new[] { p.Unrolled, p.Loops })).Single(d => d.Name == name);
}
