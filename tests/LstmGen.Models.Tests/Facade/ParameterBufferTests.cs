namespace LstmGen.Models.Tests.Facade;

/// <summary>The named views of <see cref="ParameterBuffer{TKernel, T}"/> against the documented flat layout.</summary>
public sealed class ParameterBufferTests
{
    [Fact]
    public void Lstm_views_address_the_documented_positions()
    {
        // Layout (CellLayout's remarks): [W | U] column by column with GateRows = 4H rows, element (r, k) at k·4H + r,
        // r = gate·H + row; then b (4H); then W_y (V × H) column by column; then b_y (V). D = 3, H = 4, V = 5.
        var p = new FacadeLstm.Parameters();
        Assert.Equal(16 * 7 + 16 + 20 + 5, p.AsSpan().Length);
        p.W(LstmGate.Forget, 2, 1) = 1;     // r = 1·4 + 2 = 6, k = 1
        p.U(LstmGate.Output, 3, 2) = 2;     // r = 15, k = 3 + 2 = 5
        p.B(LstmGate.Candidate, 1) = 3;     // 16·7 + 9
        p.Wy(4, 3) = 4;                     // 128 + 3·5 + 4
        p.By(2) = 5;                        // 128 + 20 + 2
        Span<double> flat = p.AsSpan();
        Assert.Equal(1, flat[(1 * 16) + 6]);
        Assert.Equal(2, flat[(5 * 16) + 15]);
        Assert.Equal(3, flat[112 + 9]);
        Assert.Equal(4, flat[128 + 15 + 4]);
        Assert.Equal(5, flat[148 + 2]);
        Assert.Equal(15, flat.ToArray().Sum());
    }

    [Fact]
    public void Rnn_views_address_the_documented_positions()
    {
        // RNN: [W | U] with H = 3 rows, D = 2 input columns then H recurrent columns; then b.
        var g = new FacadeRnn.Gradients();
        g.W(2, 1) = 1;
        g.U(0, 2) = 2;
        g.B(1) = 3;
        Span<float> flat = g.AsSpan();
        Assert.Equal(15 + 3, flat.Length);
        Assert.Equal(1, flat[(1 * 3) + 2]);
        Assert.Equal(2, flat[((2 + 2) * 3) + 0]);
        Assert.Equal(3, flat[15 + 1]);
    }

    [Fact]
    public void A_view_of_the_other_kind_or_a_missing_head_names_the_right_call()
    {
        var lstm = new FacadeLstm.Parameters();
        var rnn = new FacadeRnn.Parameters();
        Assert.Contains("W(gate, row, column)", Assert.Throws<InvalidOperationException>(() => lstm.W(0, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("without a gate", Assert.Throws<InvalidOperationException>(() => rnn.B(LstmGate.Input, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("FacadeRnn has no softmax head", Assert.Throws<InvalidOperationException>(() => rnn.By(0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_indices_name_the_argument_and_the_cell()
    {
        var p = new FacadeLstm.Parameters();
        var row = Assert.Throws<ArgumentOutOfRangeException>("row", () => p.W(LstmGate.Input, 4, 0));
        Assert.Contains("FacadeLstm", row.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("column", () => p.U(LstmGate.Input, 0, 4));
        Assert.Throws<ArgumentOutOfRangeException>("gate", () => p.B((LstmGate)4, 0));
        Assert.Throws<ArgumentOutOfRangeException>("output", () => p.By(5));
        Assert.All(p.AsSpan().ToArray(), value => Assert.Equal(0, value));
    }

    [Fact]
    public void A_flat_copy_must_have_the_parameter_count()
    {
        var error = Assert.Throws<ArgumentException>("values", () => new FacadeRnn.Parameters(Enumerable.Repeat(0f, 17).ToArray()));
        Assert.Contains("18", error.Message, StringComparison.Ordinal);
        var g = new FacadeRnn.Gradients(Enumerable.Range(1, 18).Select(i => (float)i).ToArray());
        var copy = new FacadeRnn.Gradients();
        g.CopyTo(copy);
        Assert.Equal(g.AsSpan().ToArray(), copy.AsSpan().ToArray());
        copy.Clear();
        Assert.All(copy.AsSpan().ToArray(), value => Assert.Equal(0, value));
    }
}
