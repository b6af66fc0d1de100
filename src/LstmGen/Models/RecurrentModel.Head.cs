using System.Numerics.Tensors;

namespace LstmGen.Models;

public sealed partial class RecurrentModel<T>
{
    /// <summary>
    /// The head's affine map on one top-layer output: y [V] = W_y h + b_y from h [W] (a linear head's output, or a
    /// softmax head's logits), W_y and b_y read from <paramref name="p"/> where <see cref="Layout"/> puts them.
    /// </summary>
    /// <exception cref="NotSupportedException">The model has no head.</exception>
    /// <exception cref="ArgumentException">A span's length does not fit.</exception>
    public void HeadForward(ReadOnlySpan<T> p, ReadOnlySpan<T> h, Span<T> y)
    {
        RequireHead();
        CheckParameters(p);
        Guard.Length(h.Length, OutputWidth, "the top layer's output h (W values)", nameof(h));
        Guard.Length(y.Length, OutputSize, "the head's output y (V values)", nameof(y));
        RunHeadForward(p, h, y);
    }

    /// <summary>
    /// The backward twin of <see cref="HeadForward"/>: from dy = ∂L/∂y [V] writes dh = W_yᵀ dy [W] and adds
    /// ∂L/∂W_y = dy hᵀ and ∂L/∂b_y = dy into <paramref name="dp"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">The model has no head.</exception>
    /// <exception cref="ArgumentException">A span's length does not fit.</exception>
    public void HeadBackward(ReadOnlySpan<T> p, ReadOnlySpan<T> h, ReadOnlySpan<T> dy, Span<T> dh, Span<T> dp)
    {
        RequireHead();
        CheckParameters(p);
        Guard.Length(h.Length, OutputWidth, "the top layer's output h (W values)", nameof(h));
        Guard.Length(dy.Length, OutputSize, "the head's output gradient dy (V values)", nameof(dy));
        Guard.Length(dh.Length, OutputWidth, "the output gradient dh (W values)", nameof(dh));
        CheckParameterGradients(dp);
        RunHeadBackward(p, h, dy, dh, dp);
    }

    // y [V] = b_y + Σ_c h_c · W_y[:, c]   (W_y [V × W] stored column by column)
    private void RunHeadForward(ReadOnlySpan<T> p, ReadOnlySpan<T> h, Span<T> y)
    {
        int v = OutputSize;
        ReadOnlySpan<T> weights = p.Slice(Layout.HeadWeightOffset, v * h.Length);
        p.Slice(Layout.HeadBiasOffset, v).CopyTo(y);
        for (int c = 0; c < h.Length; c++)
        {
            TensorPrimitives.MultiplyAdd(weights.Slice(c * v, v), h[c], y, y);
        }
    }

    // dh [W] = W_yᵀ dy;  dW_y[:, c] += h_c · dy;  db_y += dy. h_c is read before dh_c is written, so dh may be h itself.
    private void RunHeadBackward(ReadOnlySpan<T> p, ReadOnlySpan<T> h, ReadOnlySpan<T> dy, Span<T> dh, Span<T> dp)
    {
        int v = OutputSize;
        ReadOnlySpan<T> weights = p.Slice(Layout.HeadWeightOffset, v * h.Length);
        Span<T> dWeights = dp.Slice(Layout.HeadWeightOffset, v * h.Length), dBias = dp.Slice(Layout.HeadBiasOffset, v);
        TensorPrimitives.Add(dBias, dy, dBias);
        for (int c = 0; c < h.Length; c++)
        {
            Span<T> dColumn = dWeights.Slice(c * v, v);
            TensorPrimitives.MultiplyAdd(dy, h[c], dColumn, dColumn);
            dh[c] = TensorPrimitives.Dot(weights.Slice(c * v, v), dy);
        }
    }

    private void RequireHead()
    {
        if (Output == OutputHead.None)
        {
            throw new NotSupportedException($"Expected a model with a head, but {this} has none (OutputHead.None).");
        }
    }
}
