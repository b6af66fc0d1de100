namespace LstmGen.Onnx.Tests.Support;

/// <summary>One generated cell seen through doubles: its layout, its forward pass (through <see cref="IRecurrentCell{T}"/>), and its ONNX export.</summary>
internal interface ICellRunner
{
    CellLayout Layout { get; }

    /// <summary>Whether the cell computes in float (else double).</summary>
    bool IsFloat { get; }

    /// <summary>
    /// <c>ForwardSequenceBatch</c> over <paramref name="x"/> ([T, batch, D] time-major, as ONNX's X) from the given
    /// initial states ([batch, H] each; null for zero states), then <c>HeadForward</c> and <c>Softmax</c> per element.
    /// </summary>
    GeneratedRun Run(double[] parameters, double[] x, int batch, double[]? h0, double[]? c0);

    /// <summary><see cref="OnnxExport.ToBytes{T}"/> with the parameters in the cell's own scalar type.</summary>
    byte[] Export(double[] parameters, OnnxExportOptions? options = null);
}
