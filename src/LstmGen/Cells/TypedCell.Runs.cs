using System.Runtime.CompilerServices;
using LstmGen.Internal;
using LstmGen.Kernels;

namespace LstmGen;

public static partial class TypedCell<TKernel, T>
{
    /// <summary>The arguments every one-call training function shares.</summary>
    private readonly ref struct TrainingRun
    {
        public TrainingRun(
            Parameters<TKernel, T> p, Workspace<TKernel, T> workspace, Gradients<TKernel, T> grads, int steps, int batchSize, BatchReduction reduction,
            ReadOnlySpan<int> lengths = default, LossSteps lossSteps = LossSteps.Every)
        {
            ArgumentNullException.ThrowIfNull(p);
            ArgumentNullException.ThrowIfNull(workspace);
            ArgumentNullException.ThrowIfNull(grads);
            if (batchSize == 1)
            {
                Guard.MinLength(workspace.MaxSteps * workspace.MaxBatch, steps, Say.WorkspaceRows, nameof(workspace));
            }
            else
            {
                Guard.MinLength(workspace.MaxBatch, batchSize, Say.WorkspaceBatch, nameof(workspace));
                Guard.MinLength(workspace.MaxSteps, steps, Say.WorkspaceSteps, nameof(workspace));
            }

            if (reduction is not (BatchReduction.Sum or BatchReduction.Mean))
            {
                throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "Expected BatchReduction.Sum or BatchReduction.Mean.");
            }

            SequenceLengths.Check(lengths, batchSize, steps, nameof(lengths));
            SequenceLengths.CheckLossSteps(lossSteps, nameof(lossSteps));

            P = p;
            Workspace = workspace;
            Grads = grads;
            Steps = steps;
            BatchSize = batchSize;
            Scale = reduction == BatchReduction.Mean ? T.One / T.CreateTruncating(batchSize) : T.One;
            Lengths = lengths;
            LossSteps = lossSteps;
        }

        public Parameters<TKernel, T> P { get; }

        public Workspace<TKernel, T> Workspace { get; }

        public Gradients<TKernel, T> Grads { get; }

        public int Steps { get; }

        public int BatchSize { get; }

        public T Scale { get; }

        /// <summary>Each sequence's valid steps (empty: all T).</summary>
        public ReadOnlySpan<int> Lengths { get; }

        /// <summary>Which valid steps carry the loss.</summary>
        public LossSteps LossSteps { get; }

        /// <summary>Whether row (t, b) carries a loss.</summary>
        public bool HasLoss(int b, int t) => SequenceLengths.HasLoss(Lengths, LossSteps, Steps, b, t);
    }

    /// <summary>What the loss compares the outputs with.</summary>
    private enum TargetKind
    {
        /// <summary>Hidden-size targets: squared error on h.</summary>
        Squared,

        /// <summary>Class indices: the softmax head's cross-entropy.</summary>
        Classes,

        /// <summary>Distributions [V]: the softmax head's cross-entropy.</summary>
        Distributions,

        /// <summary>Values [V]: the linear head's squared error on y.</summary>
        HeadSquared,
    }

    /// <summary>What the loss compares the outputs with: hidden-size targets (squared error), classes or distributions (softmax head cross-entropy), or values of the linear head.</summary>
    private readonly ref struct Targets
    {
        private Targets(ReadOnlySpan<T> values, ReadOnlySpan<int> classes, TargetKind kind)
        {
            Values = values;
            ClassIndices = classes;
            Kind = kind;
        }

        public ReadOnlySpan<T> Values { get; }

        public ReadOnlySpan<int> ClassIndices { get; }

        public TargetKind Kind { get; }

        public static Targets Squared(ReadOnlySpan<T> values) => new(values, default, TargetKind.Squared);

        public static Targets Classes(ReadOnlySpan<int> classes) => new(default, classes, TargetKind.Classes);

        public static Targets Distributions(ReadOnlySpan<T> values) => new(values, default, TargetKind.Distributions);

        public static Targets HeadSquared(ReadOnlySpan<T> values) => new(values, default, TargetKind.HeadSquared);

        // Checked before anything is written: the head fits the loss, classes are in range, distributions are
        // distributions (at the rows that carry a loss: the others are not read).
        public void Check(in TrainingRun run)
        {
            switch (Kind)
            {
                case TargetKind.Squared:
                    return;
                case TargetKind.HeadSquared:
                    Head(OutputHead.Linear);
                    return;
                case TargetKind.Classes:
                    Head();
                    SequenceLengths.Classes(ClassIndices, run.BatchSize, run.Lengths, run.LossSteps, V, Say.ClassIndices, "targets");
                    return;
                default:
                    Head();
                    SequenceLengths.Distributions(Values, V, run.BatchSize, run.Lengths, run.LossSteps, Say.Distributions, "targets");
                    return;
            }
        }
    }

    // Forward over the batch, the loss sample by sample (each sequence's steps summed first, then the batch, as if
    // each sequence ran alone), then BPTT from the loss's gradients. Time-major rows: step t of sequence b is t·m + b.
    // With lengths, padded rows are skipped throughout; rows without a loss (padding, or not last) get dh = 0.
    [SkipLocalsInit]                                                       // the head's scratch is written before it is read
    private static T Batch(in TrainingRun run, ReadOnlySpan<T> xs, ReadOnlySpan<int> indices, Targets targets, ReadOnlySpan<T> initial)
    {
        targets.Check(run);
        if (!indices.IsEmpty)
        {
            OneHot(indices, run.BatchSize, run.Lengths);
        }

        int m = run.BatchSize, rows = run.Steps * m;
        Workspace<TKernel, T> ws = run.Workspace;
        ReadOnlySpan<T> p = run.P.Values;
        Span<T> caches = ws.Caches[..(rows * TKernel.CacheLength)], outputs = ws.Outputs[..(rows * H)], dOutputs = ws.OutputGradients[..(rows * H)];
        Span<T> final = ws.States[..(m * S)], dInitial = ws.StateGradients[..(m * S)];
        if (indices.IsEmpty)
        {
            Recurrent<TKernel, T>.ForwardSequenceBatch(p, xs, m, run.Lengths, initial, final, caches, outputs);
        }
        else
        {
            Recurrent<TKernel, T>.ForwardSequenceBatch(p, indices, m, run.Lengths, initial, final, caches, outputs);
        }

        // A SIMD kernel's softmax head runs the rows' backward over W_yᵀ, transposed once per call (SoftmaxHeadRows).
        bool headRows = targets.Kind is TargetKind.Classes or TargetKind.Distributions && SoftmaxHeadRows<TKernel, T>.Applies;
        int headLength = SoftmaxHeadRows<TKernel, T>.BufferLength;
        Span<T> headScratch = headRows ? stackalloc T[2 * headLength] : default;
        var head = headRows ? new SoftmaxHeadRows<TKernel, T>(p, headScratch[..headLength], headScratch[headLength..]) : default;
        T loss = T.Zero;
        for (int b = 0; b < m; b++)
        {
            T sampleLoss = T.Zero;
            for (int t = 0; t < run.Steps; t++)
            {
                int at = (t * m) + b;
                if (run.HasLoss(b, t) && headRows)
                {
                    sampleLoss += HeadRowLoss(run, head, targets, at, outputs.Slice(at * H, H), dOutputs.Slice(at * H, H));
                }
                else if (run.HasLoss(b, t))
                {
                    sampleLoss += StepLoss(run, targets, at, outputs.Slice(at * H, H), dOutputs.Slice(at * H, H));
                }
                else
                {
                    dOutputs.Slice(at * H, H).Clear();
                }
            }

            loss += sampleLoss;
        }

        if (headRows)
        {
            head.AddTo(run.Grads.Values);
        }

        if (indices.IsEmpty)
        {
            Recurrent<TKernel, T>.BpttBatch(p, xs, m, run.Lengths, caches, dOutputs, dInitial, default, run.Grads.Values);
        }
        else
        {
            Recurrent<TKernel, T>.BpttBatch(p, indices, m, run.Lengths, caches, dOutputs, dInitial, run.Grads.Values);
        }

        return loss * run.Scale;
    }

    // StepLoss for a softmax head over SoftmaxHeadRows (its W_y gradient added to dp once, after the last row).
    private static T HeadRowLoss(in TrainingRun run, in SoftmaxHeadRows<TKernel, T> head, Targets targets, int at, ReadOnlySpan<T> h, Span<T> dh)
    {
        Span<T> logits = stackalloc T[V], dLogits = stackalloc T[V];
        return targets.Values.IsEmpty
            ? head.CrossEntropy(h, targets.ClassIndices[at], default, run.Scale, logits, dLogits, dh, run.Grads.Values)
            : head.CrossEntropy(h, 0, targets.Values.Slice(at * V, V), run.Scale, logits, dLogits, dh, run.Grads.Values);
    }

    // The loss of row `at` and its gradient ∂L/∂h (scaled by 1/m for a mean); the head adds its own gradients.
    private static T StepLoss(in TrainingRun run, Targets targets, int at, ReadOnlySpan<T> h, Span<T> dh)
    {
        if (targets.Kind == TargetKind.Squared)
        {
            return LossMath.HalfSquaredError(h, targets.Values.Slice(at * H, H), dh, run.Scale);
        }

        // V ≤ 4,096 (the analyzer's limit): at most 2 × 32 KB of stack.
        Span<T> logits = stackalloc T[V], dLogits = stackalloc T[V];
        if (targets.Kind == TargetKind.HeadSquared)
        {
            return Losses<TKernel, T>.HeadSquaredErrorRow(run.P.Values, h, targets.Values.Slice(at * V, V), run.Scale, logits, dLogits, dh, run.Grads.Values);
        }

        return targets.Values.IsEmpty
            ? Losses<TKernel, T>.CrossEntropyRow(run.P.Values, h, targets.ClassIndices[at], default, run.Scale, logits, dLogits, dh, run.Grads.Values)
            : Losses<TKernel, T>.CrossEntropyRow(run.P.Values, h, 0, targets.Values.Slice(at * V, V), run.Scale, logits, dLogits, dh, run.Grads.Values);
    }
}
