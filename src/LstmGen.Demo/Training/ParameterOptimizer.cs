namespace LstmGen.Demo.Training;

/// <summary>Applies one update to a model's flat parameter buffer: Adam (the runtime's <see cref="Adam{T}"/>) or SGD.</summary>
public abstract class ParameterOptimizer
{
    /// <summary>Which optimiser this is.</summary>
    public abstract OptimizerKind Kind { get; }

    /// <summary>The learning rate.</summary>
    public abstract double LearningRate { get; }

    /// <summary>θ ← update(θ, dθ). Allocates nothing.</summary>
    public abstract void Step(Span<float> parameters, ReadOnlySpan<float> gradients);

    /// <summary>Creates the optimiser <paramref name="kind"/> for <paramref name="parameterCount"/> parameters.</summary>
    public static ParameterOptimizer Create(OptimizerKind kind, int parameterCount, double learningRate) => kind switch
    {
        OptimizerKind.Adam => new AdamOptimizer(new Adam<float>(parameterCount, learningRate)),
        OptimizerKind.Sgd => new SgdOptimizer(learningRate),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown optimiser."),
    };
}

/// <summary>Adam over the model's parameters; <see cref="State"/> is what a checkpoint saves.</summary>
public sealed class AdamOptimizer(Adam<float> adam) : ParameterOptimizer
{
    /// <summary>The runtime optimiser and its moments.</summary>
    public Adam<float> State { get; } = adam;

    /// <inheritdoc/>
    public override OptimizerKind Kind => OptimizerKind.Adam;

    /// <inheritdoc/>
    public override double LearningRate => State.LearningRate;

    /// <inheritdoc/>
    public override void Step(Span<float> parameters, ReadOnlySpan<float> gradients) => State.Step(parameters, gradients);
}

/// <summary>Stochastic gradient descent: θ ← θ − lr·dθ.</summary>
public sealed class SgdOptimizer(double learningRate) : ParameterOptimizer
{
    private readonly float _learningRate = (float)learningRate;

    /// <inheritdoc/>
    public override OptimizerKind Kind => OptimizerKind.Sgd;

    /// <inheritdoc/>
    public override double LearningRate { get; } = learningRate;

    /// <inheritdoc/>
    public override void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        for (int k = 0; k < parameters.Length; k++)
        {
            parameters[k] -= _learningRate * gradients[k];
        }
    }
}
