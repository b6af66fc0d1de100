using System.Numerics;

namespace LstmGen;

/// <summary>
/// The Adam optimiser (Kingma and Ba, 2015) with bias correction, over a flat parameter buffer such as a generated
/// cell's <c>Parameters.AsSpan()</c> and its <c>Gradients.AsSpan()</c>. The two moment buffers are allocated once, in
/// the constructor; <see cref="Step"/> allocates nothing. At step t (counting from 1), for every k:
/// <code>
/// m_k ← β1·m_k + (1 − β1)·g_k
/// v_k ← β2·v_k + (1 − β2)·g_k²
/// θ_k ← θ_k − lr · (m_k / (1 − β1^t)) / (√(v_k / (1 − β2^t)) + ε)
/// </code>
/// This is the paper's algorithm with ε added to the bias-corrected √v̂, as PyTorch's <c>torch.optim.Adam</c> does
/// (no weight decay, no AMSGrad). The moments are state the caller owns through this object: save them with
/// <see cref="FirstMoment"/>, <see cref="SecondMoment"/> and <see cref="StepCount"/>, restore them with <see cref="Restore"/>.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed class Adam<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _m;
    private readonly T[] _v;

    /// <summary>Creates an optimiser for <paramref name="parameterCount"/> parameters with zero moments.</summary>
    /// <param name="parameterCount">Length of the parameter and gradient buffers (e.g. a cell's <c>ParameterCount</c>).</param>
    /// <param name="learningRate">lr, positive and finite (PyTorch's default 1e-3).</param>
    /// <param name="beta1">β1 in [0, 1) (default 0.9).</param>
    /// <param name="beta2">β2 in [0, 1) (default 0.999).</param>
    /// <param name="epsilon">ε, positive and finite (default 1e-8).</param>
    /// <remarks>
    /// Every range holds after rounding to <typeparamref name="T"/> too, since <see cref="Step"/> computes in
    /// <typeparamref name="T"/>: for float, ε = 1e-50 (0 as a float), lr = 1e39 (+∞), β = 0.999999999 (1) and an lr
    /// whose first step lr / (1 − β1) overflows are rejected, where a double optimiser accepts them.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count or hyper-parameter is outside its range, as given or as <typeparamref name="T"/>.</exception>
    public Adam(int parameterCount, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parameterCount);
        RequirePositive(learningRate, nameof(learningRate));
        RequireUnitInterval(beta1, nameof(beta1));
        RequireUnitInterval(beta2, nameof(beta2));
        RequirePositive(epsilon, nameof(epsilon));
        // The first step's size lr / (1 − β1^1) is the largest Step uses; it must not overflow T either.
        RequirePositive(learningRate / (1 - beta1), nameof(learningRate), "learningRate / (1 − beta1), the first step's size,");
        (LearningRate, Beta1, Beta2, Epsilon) = (learningRate, beta1, beta2, epsilon);
        _m = new T[parameterCount];
        _v = new T[parameterCount];
    }

    /// <summary>lr.</summary>
    public double LearningRate { get; }

    /// <summary>β1, the decay of the first moment.</summary>
    public double Beta1 { get; }

    /// <summary>β2, the decay of the second moment.</summary>
    public double Beta2 { get; }

    /// <summary>ε, added to √v̂.</summary>
    public double Epsilon { get; }

    /// <summary>Steps taken so far (t of the last step; 0 before the first).</summary>
    public long StepCount { get; private set; }

    /// <summary>The number of parameters this optimiser updates.</summary>
    public int ParameterCount => _m.Length;

    /// <summary>m, the running first moment (read only; for checkpoints).</summary>
    public ReadOnlySpan<T> FirstMoment => _m;

    /// <summary>v, the running second moment (read only; for checkpoints).</summary>
    public ReadOnlySpan<T> SecondMoment => _v;

    /// <summary>One Adam step: updates <paramref name="parameters"/> in place from <paramref name="gradients"/>.</summary>
    /// <param name="parameters">θ, updated in place; length <see cref="ParameterCount"/>.</param>
    /// <param name="gradients">dθ; length <see cref="ParameterCount"/>.</param>
    /// <exception cref="ArgumentException">A buffer has the wrong length.</exception>
    public void Step(Span<T> parameters, ReadOnlySpan<T> gradients)
    {
        Guard.Length(parameters.Length, _m.Length, "the parameters updated by this Adam optimiser", nameof(parameters));
        Guard.Length(gradients.Length, _m.Length, "the gradients (one per parameter)", nameof(gradients));
        long t = StepCount + 1;
        T beta1 = T.CreateTruncating(Beta1), beta2 = T.CreateTruncating(Beta2);
        T oneMinusBeta1 = T.CreateTruncating(1 - Beta1), oneMinusBeta2 = T.CreateTruncating(1 - Beta2);
        // Bias corrections in double: β^t for t in the millions stays accurate there, and the step costs two Pow calls.
        T stepSize = T.CreateTruncating(LearningRate / (1 - Math.Pow(Beta1, t)));
        T inverseRootCorrection2 = T.CreateTruncating(1 / Math.Sqrt(1 - Math.Pow(Beta2, t)));
        T epsilon = T.CreateTruncating(Epsilon);
        Span<T> m = _m, v = _v;
        for (int k = 0; k < parameters.Length; k++)
        {
            T g = gradients[k];
            m[k] = (beta1 * m[k]) + (oneMinusBeta1 * g);
            v[k] = (beta2 * v[k]) + (oneMinusBeta2 * g * g);
            parameters[k] -= stepSize * m[k] / ((T.Sqrt(v[k]) * inverseRootCorrection2) + epsilon);
        }

        StepCount = t;
    }

    /// <summary>Restores the state saved from <see cref="StepCount"/>, <see cref="FirstMoment"/> and <see cref="SecondMoment"/>.</summary>
    /// <exception cref="ArgumentException">A moment buffer has the wrong length or holds a non-finite or (for v) negative value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stepCount"/> is negative.</exception>
    public void Restore(long stepCount, ReadOnlySpan<T> firstMoment, ReadOnlySpan<T> secondMoment)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stepCount);
        Guard.Length(firstMoment.Length, _m.Length, "the saved first moment", nameof(firstMoment));
        Guard.Length(secondMoment.Length, _v.Length, "the saved second moment", nameof(secondMoment));
        for (int k = 0; k < firstMoment.Length; k++)
        {
            if (!T.IsFinite(firstMoment[k]) || !T.IsFinite(secondMoment[k]) || secondMoment[k] < T.Zero)
            {
                throw new ArgumentException($"Expected finite moments with v ≥ 0, but entry {k} is m = {firstMoment[k]}, v = {secondMoment[k]}.", nameof(secondMoment));
            }
        }

        firstMoment.CopyTo(_m);
        secondMoment.CopyTo(_v);
        StepCount = stepCount;
    }

    /// <summary>Checks a hyper-parameter that must be positive and finite both as given and after rounding to T.</summary>
    private static void RequirePositive(double value, string name, string? what = null)
    {
        T rounded = T.CreateTruncating(value);
        if (!double.IsFinite(value) || value <= 0 || !T.IsFinite(rounded) || rounded <= T.Zero)
        {
            throw new ArgumentOutOfRangeException(
                name, value, $"Expected {what ?? name} to be positive and finite as {typeof(T).Name}, but {value} is {rounded} there.");
        }
    }

    /// <summary>Checks a decay that must lie in [0, 1) both as given and after rounding to T (where 1 − β must stay positive).</summary>
    private static void RequireUnitInterval(double value, string name)
    {
        T rounded = T.CreateTruncating(value);
        if (!(value >= 0 && value < 1) || !(rounded < T.One))
        {
            throw new ArgumentOutOfRangeException(
                name, value, $"Expected {name} in [0, 1) as {typeof(T).Name}, but {value} is {rounded} there.");
        }
    }
}
