using System.Text;
using LstmGen.Demo.Models;
using LstmGen.Demo.Text;

namespace LstmGen.Demo.Sampling;

/// <summary>
/// Generates text from a character model: feeds the prompt one character at a time, then repeatedly draws the next
/// character from softmax(logits / temperature) over the vocabulary's classes (classes the cell has beyond the
/// vocabulary are never drawn) and feeds it back. Deterministic for a given seeded <see cref="Random"/>.
/// </summary>
public static class Sampler
{
    /// <summary>Generates <paramref name="length"/> characters after <paramref name="prompt"/> (the prompt is not repeated in the result).</summary>
    /// <param name="model">The model; its generation state is reset first.</param>
    /// <param name="vocabulary">The model's vocabulary.</param>
    /// <param name="prompt">Text to condition on (every character must be in the vocabulary); empty starts from the
    /// vocabulary's newline, or its first character if it has none.</param>
    /// <param name="length">Characters to generate.</param>
    /// <param name="temperature">0 picks the most likely character every time; 1 samples the model's distribution.</param>
    /// <param name="random">The source of randomness.</param>
    /// <exception cref="DemoException">The prompt holds a character outside the vocabulary.</exception>
    public static string Generate(CharModel model, Vocabulary vocabulary, string prompt, int length, double temperature, Random random)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (!(temperature >= 0) || double.IsInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "Expected 0 or a positive finite temperature.");
        }

        foreach (Rune rune in prompt.EnumerateRunes())
        {
            if (!vocabulary.Contains(rune))
            {
                throw new DemoException($"The prompt contains {Vocabulary.Describe(rune)}, which is not in the model's vocabulary: {vocabulary.Display()}");
            }
        }

        Span<float> logits = stackalloc float[model.OutputSize];
        Span<double> weights = stackalloc double[vocabulary.Count];
        model.ResetGenerationState();
        var newline = new Rune('\n');
        string start = prompt.Length > 0 ? prompt : vocabulary.Contains(newline) ? "\n" : vocabulary[0].ToString();
        foreach (Rune rune in start.EnumerateRunes())
        {
            model.Generate(vocabulary.IndexOf(rune), logits);
        }

        var text = new StringBuilder(length);
        for (int n = 0; n < length; n++)
        {
            int next = Draw(logits[..vocabulary.Count], temperature, random, weights);
            text.Append(vocabulary[next].ToString());
            if (n + 1 < length)
            {
                model.Generate(next, logits);
            }
        }

        return text.ToString();
    }

    /// <summary>Draws a class from softmax(logits / temperature); temperature 0 returns the arg max (first on ties).</summary>
    public static int Draw(ReadOnlySpan<float> logits, double temperature, Random random, Span<double> scratch)
    {
        ArgumentNullException.ThrowIfNull(random);
        int best = 0;
        for (int k = 1; k < logits.Length; k++)
        {
            if (logits[k] > logits[best])
            {
                best = k;
            }
        }

        if (temperature == 0)
        {
            return best;
        }

        // Max-shifted: exp((z_k − z_max)/T) ≤ 1, so no overflow at any temperature.
        double total = 0;
        for (int k = 0; k < logits.Length; k++)
        {
            scratch[k] = Math.Exp((logits[k] - logits[best]) / temperature);
            total += scratch[k];
        }

        double u = random.NextDouble() * total;
        for (int k = 0; k < logits.Length; k++)
        {
            u -= scratch[k];
            if (u < 0)
            {
                return k;
            }
        }

        return best;
    }
}
