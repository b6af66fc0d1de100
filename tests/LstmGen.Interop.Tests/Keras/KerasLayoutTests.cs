using LstmGen.Interop.Layouts;
using LstmGen.Interop.Tests.PyTorch;

namespace LstmGen.Interop.Tests.Keras;

/// <summary>Keras kernels (transposed, gate order i, f, c, o, one bias), round trips and refusals of <see cref="KerasLayout"/>.</summary>
public sealed class KerasLayoutTests
{
    private static readonly KerasNames Names = new(CellPrefix: "lstm/", HeadPrefix: "dense/");

    [Fact]
    public void Export_names_and_shapes_follow_Keras_LSTM_SimpleRNN_and_Dense()
    {
        var p = new TorchLstm3x5V4F.Parameters();
        Assert.Equal(
            ["lstm/kernel F32 [3, 20]", "lstm/recurrent_kernel F32 [5, 20]", "lstm/bias F32 [20]", "dense/kernel F32 [5, 4]", "dense/bias F32 [4]"],
            KerasLayout.Export<float>(TorchLstm3x5V4F.Layout, p.AsSpan(), Names).Select(t => t.Describe()));
        var r = new TorchRnn7x17D.Parameters();
        Assert.Equal(
            ["kernel F64 [7, 17]", "recurrent_kernel F64 [17, 17]", "bias F64 [17]"],
            KerasLayout.Export<double>(TorchRnn7x17D.Layout, r.AsSpan()).Select(t => t.Describe()));
    }

    [Fact]
    public void Kernels_are_the_transposed_generated_weights_in_gate_order_i_f_c_o()
    {
        var p = new TorchLstm3x5V4D.Parameters();
        PyTorchLayoutTests.Fill<double>(p.AsSpan(), 11);
        TensorSet set = KerasLayout.Export<double>(TorchLstm3x5V4D.Layout, p.AsSpan(), Names);
        LstmGate[] kerasOrder = [LstmGate.Input, LstmGate.Forget, LstmGate.Candidate, LstmGate.Output];
        for (int block = 0; block < 4; block++)
        {
            for (int row = 0; row < 5; row++)
            {
                int column = (block * 5) + row;
                for (int d = 0; d < 3; d++)
                {
                    Assert.Equal(p.W(kerasOrder[block], row, d), set["lstm/kernel"].ReadAsDouble((d * 20) + column));
                }

                for (int j = 0; j < 5; j++)
                {
                    Assert.Equal(p.U(kerasOrder[block], row, j), set["lstm/recurrent_kernel"].ReadAsDouble((j * 20) + column));
                }

                Assert.Equal(p.B(kerasOrder[block], row), set["lstm/bias"].ReadAsDouble(column));
            }
        }

        for (int j = 0; j < 5; j++)
        {
            for (int v = 0; v < 4; v++)
            {
                Assert.Equal(p.Wy(v, j), set["dense/kernel"].ReadAsDouble((j * 4) + v));
            }
        }
    }

    [Fact]
    public void Keras_kernel_is_the_transpose_of_PyTorch_weight()
    {
        var p = new TorchLstm7x17V3D.Parameters();
        PyTorchLayoutTests.Fill<double>(p.AsSpan(), 12);
        TensorSet keras = KerasLayout.Export<double>(TorchLstm7x17V3D.Layout, p.AsSpan(), Names);
        TensorSet torch = PyTorchLayout.Export<double>(TorchLstm7x17V3D.Layout, p.AsSpan(), new PyTorchNames(PyTorchModule.Lstm));
        for (int r = 0; r < 68; r++)
        {
            for (int d = 0; d < 7; d++)
            {
                Assert.Equal(torch["weight_ih_l0"].ReadAsDouble((r * 7) + d), keras["lstm/kernel"].ReadAsDouble((d * 68) + r));
            }
        }
    }

    [Fact]
    public void Export_then_import_restores_every_parameter_exactly()
    {
        var lstm = new TorchLstm7x17V3F.Parameters();
        PyTorchLayoutTests.Fill<float>(lstm.AsSpan(), 13);
        var lstmBack = new TorchLstm7x17V3F.Parameters();
        KerasLayout.Import<float>(KerasLayout.Export<float>(TorchLstm7x17V3F.Layout, lstm.AsSpan(), Names), TorchLstm7x17V3F.Layout, lstmBack.AsSpan(), Names);
        Assert.Equal(lstm.AsSpan().ToArray(), lstmBack.AsSpan().ToArray());

        var rnn = new TorchRnn3x5V4D.Parameters();
        PyTorchLayoutTests.Fill<double>(rnn.AsSpan(), 14);
        var rnnBack = new TorchRnn3x5V4D.Parameters();
        KerasLayout.Import<double>(KerasLayout.Export<double>(TorchRnn3x5V4D.Layout, rnn.AsSpan()), TorchRnn3x5V4D.Layout, rnnBack.AsSpan());
        Assert.Equal(rnn.AsSpan().ToArray(), rnnBack.AsSpan().ToArray());
    }

    [Fact]
    public void A_PyTorch_shaped_kernel_names_both_shapes_and_changes_nothing()
    {
        var source = new TorchLstm3x5V4D.Parameters();
        PyTorchLayoutTests.Fill<double>(source.AsSpan(), 15);
        TensorSet set = PyTorchLayoutTests.Replace(
            KerasLayout.Export<double>(TorchLstm3x5V4D.Layout, source.AsSpan(), Names),
            NamedTensor.FromValues<double>("dense/kernel", [4, 5], new double[20]));
        var p = new TorchLstm3x5V4D.Parameters();
        PyTorchLayoutTests.Fill<double>(p.AsSpan(), 16);
        double[] before = p.AsSpan().ToArray();
        var error = Assert.Throws<InvalidDataException>(() => KerasLayout.Import<double>(set, TorchLstm3x5V4D.Layout, p.AsSpan(), Names));
        Assert.Contains("'dense/kernel' to have shape [5, 4]", error.Message, StringComparison.Ordinal);
        Assert.Contains("it has shape [4, 5]", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, p.AsSpan().ToArray());

        error = Assert.Throws<InvalidDataException>(() => KerasLayout.Import<double>(PyTorchLayoutTests.Without(set, "lstm/bias"), TorchLstm3x5V4D.Layout, p.AsSpan(), Names));
        Assert.Contains("'lstm/bias' of shape [20]", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, p.AsSpan().ToArray());
    }

    [Fact]
    public void Equal_prefixes_for_a_cell_with_a_head_are_refused()
    {
        var p = new TorchLstm3x5V4D.Parameters();
        var error = Assert.Throws<ArgumentException>(() => KerasLayout.Export<double>(TorchLstm3x5V4D.Layout, p.AsSpan(), new KerasNames("m/", "m/")));
        Assert.Contains("'m/'", error.Message, StringComparison.Ordinal);
    }
}
