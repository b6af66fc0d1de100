using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference.Models;

/// <summary>One layer of a random reference model: its kind, H and whether it is bidirectional.</summary>
/// <param name="Kind">The cell kind.</param>
/// <param name="HiddenSize">H.</param>
/// <param name="Bidirectional">Whether the layer has a reverse direction.</param>
public readonly record struct LayerShape(ReferenceCellKind Kind, int HiddenSize, bool Bidirectional = false);

/// <summary>Random reference models and sequences from a <see cref="ReferenceInit"/> stream.</summary>
public static class ReferenceModelFactory
{
    /// <summary>
    /// A model whose parameters are uniform in [−scale, scale], drawn block by block in <see cref="ReferenceModel.Flatten"/>
    /// order (so Flatten returns exactly the draws).
    /// </summary>
    public static ReferenceModel Random(ReferenceInit init, int inputSize, IReadOnlyList<LayerShape> shapes, ReferenceHead head = ReferenceHead.None, int outputSize = 0, double scale = 0.5)
    {
        var layers = new List<ReferenceModelLayer>();
        int d = inputSize;
        foreach (LayerShape shape in shapes)
        {
            ReferenceDirection Next() => ReferenceDirection.FromFlat(
                shape.Kind, [.. init.NextVector(ReferenceDirection.ParameterCount(shape.Kind, d, shape.HiddenSize), scale)], d, shape.HiddenSize);
            ReferenceDirection forward = Next();
            layers.Add(new ReferenceModelLayer(forward, shape.Bidirectional ? Next() : null));
            d = layers[^1].OutputWidth;
        }

        Matrix<double>? wy = head == ReferenceHead.None ? null : init.NextMatrix(outputSize, d, scale);
        Vector<double>? by = head == ReferenceHead.None ? null : init.NextVector(outputSize, scale);
        return new ReferenceModel(layers, head, wy, by);
    }

    /// <summary>
    /// A batch with one sequence per entry of <paramref name="lengths"/>: inputs uniform in [−1, 1], initial states uniform
    /// in [−0.5, 0.5] for every block, and targets (squared error on V or W values, or classes for a softmax head).
    /// </summary>
    public static ModelSequence[] Batch(ReferenceInit init, ReferenceModel model, IReadOnlyList<int> lengths, ModelLossSteps steps)
    {
        var batch = new ModelSequence[lengths.Count];
        for (int s = 0; s < lengths.Count; s++)
        {
            int length = lengths[s];
            Vector<double>[] inputs = init.NextSequence(length, model.InputSize);
            Vector<double>[] h0 = [.. model.Blocks.Select(b => init.NextVector(b.HiddenSize, 0.5))];
            Vector<double>[] c0 = [.. model.Blocks.Select(b => init.NextVector(b.HiddenSize, 0.5))];
            ModelTargets targets = model.Head switch
            {
                ReferenceHead.Softmax => new ModelClassTargets(init.NextClassTargets(length, model.Wy!.RowCount).Classes, steps),
                ReferenceHead.Linear => new ModelSquaredErrorTargets(init.NextSequence(length, model.Wy!.RowCount), steps),
                _ => new ModelSquaredErrorTargets(init.NextSequence(length, model.OutputWidth), steps),
            };
            batch[s] = new ModelSequence(inputs, targets, h0, c0);
        }

        return batch;
    }
}
