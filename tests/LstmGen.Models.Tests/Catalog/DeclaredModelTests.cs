using LstmGen.Models;

namespace LstmGen.Models.Tests.Catalog;

/// <summary>
/// The generated <c>DeclaredModel.Model</c> (tests/LstmGen.TestCells/ModelCells.cs) is the declared stack: its layers hold
/// the declared cells' own kernels, with the declared directions, head and sizes; the counts below are worked out from the
/// declaration, not read from the model.
/// </summary>
public sealed class DeclaredModelTests
{
    [Fact]
    public void The_generated_model_has_the_declared_layers_and_head()
    {
        RecurrentModel<double> model = DeclaredModel.Model;

        Assert.Equal(2, model.Layers.Count);
        Assert.Same(RecurrentCell<DeclaredModelLstm3x4.Kernel, double>.Instance, model.Layers[0].Cell);
        Assert.True(model.Layers[0].Bidirectional);
        Assert.Same(RecurrentCell<DeclaredModelGru8x5.Kernel, double>.Instance, model.Layers[1].Cell);
        Assert.False(model.Layers[1].Bidirectional);
        Assert.Equal((3, 5, OutputHead.Linear, 2, 0.0), (model.InputSize, model.OutputWidth, model.Output, model.OutputSize, model.Dropout));
        Assert.Same(model, DeclaredModel.Model);
    }

    [Fact]
    public void The_layout_counts_follow_from_the_declaration()
    {
        ModelLayout layout = DeclaredModel.Model.Layout;

        // LSTM D = 3, H = 4: 4H(D + H) + 4H = 112 + 16 = 128 per direction; GRU D = 8, H = 5: 3H(D + H) + 3H + H (b_hn) =
        // 195 + 15 + 5 = 215; linear head V = 2 on W = 5: 2 · 5 + 2 = 12.
        Assert.Equal((2 * 128) + 215 + 12, DeclaredModel.Model.ParameterCount);
        Assert.Equal((0, 128, 256, 256 + 215), (layout.ParameterOffset(0, 0), layout.ParameterOffset(0, 1), layout.ParameterOffset(1), layout.HeadWeightOffset));
        // States: LSTM [h | c] = 8 per direction, GRU h = 5; blocks (0, 0), (0, 1), (1, 0).
        Assert.Equal((8 + 8 + 5, 3), (DeclaredModel.Model.StateLength, layout.StateBlocks));
    }

    [Fact]
    public void A_declared_model_of_bias_free_layers_counts_no_gate_bias()
    {
        // GRU D = 3, H = 5 without biases: 3H(D + H) = 120; GRU D = 5, H = 5: 150; the linear head keeps b_y: 2 · 5 + 2 = 12.
        RecurrentModel<double> model = DeclaredBiasFreeModel.Model;
        Assert.Same(RecurrentCell<InteropNoBiasGru3x5D.Kernel, double>.Instance, model.Layers[0].Cell);
        Assert.All(model.Layout.Cells, cell => Assert.False(cell.HasBias));
        Assert.Equal(120 + 150 + 12, model.ParameterCount);
        Assert.Equal((120, 270), (model.Layout.ParameterOffset(1), model.Layout.HeadWeightOffset));
    }
}
