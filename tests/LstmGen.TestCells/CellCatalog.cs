using System.Collections.Frozen;
using System.Numerics;
using LstmGen.Kernels;

namespace LstmGen.TestCells;

/// <summary>
/// Every generated cell of this catalog by class name, held as <see cref="IRecurrentCell{T}"/> of its scalar type
/// (<see cref="RecurrentCell{TKernel, T}.Instance"/>): theories take a plain string and look the cell up, without
/// reflection. CellCatalogTests (LstmGen.Models.Tests) checks that every declared cell is listed here, with its sizes.
/// </summary>
public static class CellCatalog
{
    private static readonly FrozenDictionary<string, object> ByName = new KeyValuePair<string, object>[]
    {
        // AgreementCells.cs
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
        Add<Lstm2x1Double.Kernel, double>(nameof(Lstm2x1Double)),
        Add<Lstm2x1Float.Kernel, float>(nameof(Lstm2x1Float)),
        Add<Lstm10x16Double.Kernel, double>(nameof(Lstm10x16Double)),
        Add<Lstm10x16Float.Kernel, float>(nameof(Lstm10x16Float)),
        Add<Lstm7x33Double.Kernel, double>(nameof(Lstm7x33Double)),
        Add<Lstm7x33Float.Kernel, float>(nameof(Lstm7x33Float)),
        // GruAgreementCells.cs
        Add<Gru1x1Double.Kernel, double>(nameof(Gru1x1Double)),
        Add<Gru1x1Head2Double.Kernel, double>(nameof(Gru1x1Head2Double)),
        Add<Gru1x1Float.Kernel, float>(nameof(Gru1x1Float)),
        Add<Gru1x1Head2Float.Kernel, float>(nameof(Gru1x1Head2Float)),
        Add<Gru3x5Double.Kernel, double>(nameof(Gru3x5Double)),
        Add<Gru3x5Head4Double.Kernel, double>(nameof(Gru3x5Head4Double)),
        Add<Gru3x5Float.Kernel, float>(nameof(Gru3x5Float)),
        Add<Gru3x5Head4Float.Kernel, float>(nameof(Gru3x5Head4Float)),
        Add<Gru10x128Double.Kernel, double>(nameof(Gru10x128Double)),
        Add<Gru10x128Head10Double.Kernel, double>(nameof(Gru10x128Head10Double)),
        Add<Gru10x128Float.Kernel, float>(nameof(Gru10x128Float)),
        Add<Gru10x128Head10Float.Kernel, float>(nameof(Gru10x128Head10Float)),
        // KernelPairCells.cs
        Add<Unrolled2x1.Kernel, double>(nameof(Unrolled2x1)),
        Add<Loops2x1.Kernel, double>(nameof(Loops2x1)),
        Add<Unrolled3x5.Kernel, double>(nameof(Unrolled3x5)),
        Add<Loops3x5.Kernel, double>(nameof(Loops3x5)),
        Add<Unrolled4x6.Kernel, double>(nameof(Unrolled4x6)),
        Add<Loops4x6.Kernel, double>(nameof(Loops4x6)),
        Add<Unrolled3x5Float.Kernel, float>(nameof(Unrolled3x5Float)),
        Add<Loops3x5Float.Kernel, float>(nameof(Loops3x5Float)),
        // UnrolledCells.cs
        Add<UnrolledLstm3x5Head4Double.Kernel, double>(nameof(UnrolledLstm3x5Head4Double)),
        Add<UnrolledLstm3x5Head4Float.Kernel, float>(nameof(UnrolledLstm3x5Head4Float)),
        Add<UnrolledRnn4x6Double.Kernel, double>(nameof(UnrolledRnn4x6Double)),
        // GruKernelPairCells.cs
        Add<UnrolledGru2x1.Kernel, double>(nameof(UnrolledGru2x1)),
        Add<LoopsGru2x1.Kernel, double>(nameof(LoopsGru2x1)),
        Add<UnrolledGru3x5.Kernel, double>(nameof(UnrolledGru3x5)),
        Add<LoopsGru3x5.Kernel, double>(nameof(LoopsGru3x5)),
        Add<UnrolledGru4x6.Kernel, double>(nameof(UnrolledGru4x6)),
        Add<LoopsGru4x6.Kernel, double>(nameof(LoopsGru4x6)),
        Add<UnrolledGru3x5Float.Kernel, float>(nameof(UnrolledGru3x5Float)),
        Add<LoopsGru3x5Float.Kernel, float>(nameof(LoopsGru3x5Float)),
        Add<UnrolledGru3x5Head4Double.Kernel, double>(nameof(UnrolledGru3x5Head4Double)),
        Add<UnrolledGru3x5Head4Float.Kernel, float>(nameof(UnrolledGru3x5Head4Float)),
        // SimdCells.cs
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
        // GruSimdCells.cs
        Add<Gru1x1DoubleSimd.Kernel, double>(nameof(Gru1x1DoubleSimd)),
        Add<Gru1x1DoubleLoops.Kernel, double>(nameof(Gru1x1DoubleLoops)),
        Add<Gru1x1FloatSimd.Kernel, float>(nameof(Gru1x1FloatSimd)),
        Add<Gru1x1FloatLoops.Kernel, float>(nameof(Gru1x1FloatLoops)),
        Add<Gru3x7DoubleSimd.Kernel, double>(nameof(Gru3x7DoubleSimd)),
        Add<Gru3x7DoubleLoops.Kernel, double>(nameof(Gru3x7DoubleLoops)),
        Add<Gru3x7FloatSimd.Kernel, float>(nameof(Gru3x7FloatSimd)),
        Add<Gru3x7FloatLoops.Kernel, float>(nameof(Gru3x7FloatLoops)),
        Add<Gru10x11DoubleSimd.Kernel, double>(nameof(Gru10x11DoubleSimd)),
        Add<Gru10x11DoubleLoops.Kernel, double>(nameof(Gru10x11DoubleLoops)),
        Add<Gru10x11FloatSimd.Kernel, float>(nameof(Gru10x11FloatSimd)),
        Add<Gru10x11FloatLoops.Kernel, float>(nameof(Gru10x11FloatLoops)),
        Add<Gru5x33Head10DoubleSimd.Kernel, double>(nameof(Gru5x33Head10DoubleSimd)),
        Add<Gru5x33Head10DoubleLoops.Kernel, double>(nameof(Gru5x33Head10DoubleLoops)),
        Add<Gru5x33Head10FloatSimd.Kernel, float>(nameof(Gru5x33Head10FloatSimd)),
        Add<Gru5x33Head10FloatLoops.Kernel, float>(nameof(Gru5x33Head10FloatLoops)),
        Add<Gru10x43DoubleSimd.Kernel, double>(nameof(Gru10x43DoubleSimd)),
        Add<Gru10x43DoubleLoops.Kernel, double>(nameof(Gru10x43DoubleLoops)),
        Add<Gru10x43FloatSimd.Kernel, float>(nameof(Gru10x43FloatSimd)),
        Add<Gru10x43FloatLoops.Kernel, float>(nameof(Gru10x43FloatLoops)),
        // SeedCells.cs
        Add<TinyLstm.Kernel, double>(nameof(TinyLstm)),
        Add<Seed002Lstm.Kernel, double>(nameof(Seed002Lstm)),
        Add<Seed003CharLstm.Kernel, double>(nameof(Seed003CharLstm)),
        Add<Seed003TinyCharLstm.Kernel, double>(nameof(Seed003TinyCharLstm)),
        Add<Seed004Rnn.Kernel, double>(nameof(Seed004Rnn)),
        Add<Seed004Lstm.Kernel, double>(nameof(Seed004Lstm)),
        // FacadeCells.cs
        Add<FacadeLstm.Kernel, double>(nameof(FacadeLstm)),
        Add<FacadeRnn.Kernel, float>(nameof(FacadeRnn)),
        Add<FacadeGru.Kernel, double>(nameof(FacadeGru)),
        // ModelCells.cs
        Add<DeclaredModelLstm3x4.Kernel, double>(nameof(DeclaredModelLstm3x4)),
        Add<DeclaredModelGru8x5.Kernel, double>(nameof(DeclaredModelGru8x5)),
        // LargestCells.cs
        Add<Lstm4096x4096Double.Kernel, double>(nameof(Lstm4096x4096Double)),
        Add<Lstm4096x4096Float.Kernel, float>(nameof(Lstm4096x4096Float)),
        Add<Rnn4096x4096Double.Kernel, double>(nameof(Rnn4096x4096Double)),
        Add<Gru4096x4096Double.Kernel, double>(nameof(Gru4096x4096Double)),
        Add<Lstm3x4096Double.Kernel, double>(nameof(Lstm3x4096Double)),
        Add<Lstm1024x1024Double.Kernel, double>(nameof(Lstm1024x1024Double)),
        // TorchCells.cs
        Add<TorchLstm2x1F.Kernel, float>(nameof(TorchLstm2x1F)),
        Add<TorchLstm2x1D.Kernel, double>(nameof(TorchLstm2x1D)),
        Add<TorchLstm3x5F.Kernel, float>(nameof(TorchLstm3x5F)),
        Add<TorchLstm3x5D.Kernel, double>(nameof(TorchLstm3x5D)),
        Add<TorchLstm3x5V4F.Kernel, float>(nameof(TorchLstm3x5V4F)),
        Add<TorchLstm3x5V4D.Kernel, double>(nameof(TorchLstm3x5V4D)),
        Add<TorchLstm7x17F.Kernel, float>(nameof(TorchLstm7x17F)),
        Add<TorchLstm7x17D.Kernel, double>(nameof(TorchLstm7x17D)),
        Add<TorchLstm7x17V3F.Kernel, float>(nameof(TorchLstm7x17V3F)),
        Add<TorchLstm7x17V3D.Kernel, double>(nameof(TorchLstm7x17V3D)),
        Add<TorchLstm4x33F.Kernel, float>(nameof(TorchLstm4x33F)),
        Add<TorchLstm4x33D.Kernel, double>(nameof(TorchLstm4x33D)),
        Add<TorchRnn2x1F.Kernel, float>(nameof(TorchRnn2x1F)),
        Add<TorchRnn2x1D.Kernel, double>(nameof(TorchRnn2x1D)),
        Add<TorchRnn3x5F.Kernel, float>(nameof(TorchRnn3x5F)),
        Add<TorchRnn3x5D.Kernel, double>(nameof(TorchRnn3x5D)),
        Add<TorchRnn3x5V4F.Kernel, float>(nameof(TorchRnn3x5V4F)),
        Add<TorchRnn3x5V4D.Kernel, double>(nameof(TorchRnn3x5V4D)),
        Add<TorchRnn7x17F.Kernel, float>(nameof(TorchRnn7x17F)),
        Add<TorchRnn7x17D.Kernel, double>(nameof(TorchRnn7x17D)),
        Add<TorchRnn4x33F.Kernel, float>(nameof(TorchRnn4x33F)),
        Add<TorchRnn4x33D.Kernel, double>(nameof(TorchRnn4x33D)),
        Add<TorchGru3x4F.Kernel, float>(nameof(TorchGru3x4F)),
        Add<TorchGru3x4D.Kernel, double>(nameof(TorchGru3x4D)),
        Add<TorchGru5x6V5F.Kernel, float>(nameof(TorchGru5x6V5F)),
        Add<TorchGru5x6V5D.Kernel, double>(nameof(TorchGru5x6V5D)),
        Add<TorchGru7x17F.Kernel, float>(nameof(TorchGru7x17F)),
        Add<TorchGru7x17D.Kernel, double>(nameof(TorchGru7x17D)),
        Add<TorchGru4x33V3F.Kernel, float>(nameof(TorchGru4x33V3F)),
        Add<TorchGru4x33V3D.Kernel, double>(nameof(TorchGru4x33V3D)),
        Add<TorchGru3x5F.Kernel, float>(nameof(TorchGru3x5F)),
        Add<TorchGru3x5D.Kernel, double>(nameof(TorchGru3x5D)),
        Add<TorchGru7x17V3F.Kernel, float>(nameof(TorchGru7x17V3F)),
        Add<TorchGru7x17V3D.Kernel, double>(nameof(TorchGru7x17V3D)),
        // InteropCells.cs
        Add<StLstm2x1Double.Kernel, double>(nameof(StLstm2x1Double)),
        Add<StRnn2x1Float.Kernel, float>(nameof(StRnn2x1Float)),
        Add<StLstm3x5HeadFloat.Kernel, float>(nameof(StLstm3x5HeadFloat)),
        Add<StRnn3x5Double.Kernel, double>(nameof(StRnn3x5Double)),
        Add<StLstm7x17HeadDouble.Kernel, double>(nameof(StLstm7x17HeadDouble)),
        Add<StRnn7x17HeadFloat.Kernel, float>(nameof(StRnn7x17HeadFloat)),
        Add<LayoutLstm.Kernel, double>(nameof(LayoutLstm)),
        Add<LayoutRnn.Kernel, float>(nameof(LayoutRnn)),
        // OnnxCells.cs
        Add<LstmD3H5V4Float.Kernel, float>(nameof(LstmD3H5V4Float)),
        Add<LstmD10H33V7Float.Kernel, float>(nameof(LstmD10H33V7Float)),
        Add<LstmD4H16Float.Kernel, float>(nameof(LstmD4H16Float)),
        Add<RnnD3H5V4Float.Kernel, float>(nameof(RnnD3H5V4Float)),
        Add<RnnD10H33Float.Kernel, float>(nameof(RnnD10H33Float)),
        Add<LstmD4H6V3Double.Kernel, double>(nameof(LstmD4H6V3Double)),
        Add<RnnD4H6V3Double.Kernel, double>(nameof(RnnD4H6V3Double)),
        Add<OnnxReadmeCharLstm.Kernel, float>(nameof(OnnxReadmeCharLstm)),
        // SequenceLengthCells.cs
        Add<SeqLenLstmUnrolled.Kernel, double>(nameof(SeqLenLstmUnrolled)),
        Add<SeqLenLstmLoops.Kernel, double>(nameof(SeqLenLstmLoops)),
        Add<SeqLenLstmSimd.Kernel, double>(nameof(SeqLenLstmSimd)),
        Add<SeqLenRnnUnrolled.Kernel, double>(nameof(SeqLenRnnUnrolled)),
        Add<SeqLenRnnLoops.Kernel, double>(nameof(SeqLenRnnLoops)),
        Add<SeqLenRnnSimd.Kernel, double>(nameof(SeqLenRnnSimd)),
        Add<SeqLenGruUnrolled.Kernel, double>(nameof(SeqLenGruUnrolled)),
        Add<SeqLenGruLoops.Kernel, double>(nameof(SeqLenGruLoops)),
        Add<SeqLenGruSimd.Kernel, double>(nameof(SeqLenGruSimd)),
        Add<SeqLenLstmSimdFloat.Kernel, float>(nameof(SeqLenLstmSimdFloat)),
        Add<SeqLenRnnSimdFloat.Kernel, float>(nameof(SeqLenRnnSimdFloat)),
        Add<SeqLenGruSimdFloat.Kernel, float>(nameof(SeqLenGruSimdFloat)),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The names of every cell in the catalog.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>The cell named <paramref name="name"/>: an <see cref="IRecurrentCell{T}"/> of float or of double.</summary>
    /// <exception cref="ArgumentException">No cell of that name is declared in LstmGen.TestCells.</exception>
    public static object Get(string name) =>
        ByName.TryGetValue(name, out object? cell) ? cell : throw new ArgumentException($"No cell {name} in LstmGen.TestCells (or not listed in CellCatalog).", nameof(name));

    /// <summary>The cell named <paramref name="name"/>, whose scalar type must be <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentException">No such cell, or its scalar type is not <typeparamref name="T"/>.</exception>
    public static IRecurrentCell<T> Get<T>(string name)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Get(name) as IRecurrentCell<T> ?? throw new ArgumentException($"Cell {name} is not a cell of {typeof(T).Name}.", nameof(name));

    private static KeyValuePair<string, object> Add<TKernel, T>(string name)
        where TKernel : struct, IRecurrentKernel<TKernel, T>
        where T : unmanaged, IFloatingPointIeee754<T> => new(name, RecurrentCell<TKernel, T>.Instance);
}
