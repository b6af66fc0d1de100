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
    /// <summary>The most characters one sample may have (<c>sample --length</c>, <c>train --sample-length</c>): a
    /// million, minutes of generation for the largest model; a larger request is refused rather than left running.</summary>
    public const int MaxLength = 1_000_000;

    /// <summary>Generates <paramref name="length"/> characters after <paramref name="prompt"/> (the prompt is not repeated in the result).</summary>
    /// <inheritdoc cref="Generate(CharModel, Vocabulary, string, int, double, Random, Action{Rune})"/>
    public static string Generate(CharModel model, Vocabulary vocabulary, string prompt, int length, double temperature, Random random)
    {
        var text = new StringBuilder(length);
        Generate(model, vocabulary, prompt, length, temperature, random, rune => text.Append(rune.ToString()));
        return text.ToString();
    }

    /// <summary>Generates <paramref name="length"/> characters after <paramref name="prompt"/>, handing each to
    /// <paramref name="emit"/> as soon as it is drawn (nothing is kept, so any length runs in constant memory).</summary>
    /// <param name="model">The model; its generation state is reset first.</param>
    /// <param name="vocabulary">The model's vocabulary.</param>
    /// <param name="prompt">Text to condition on (every character must be in the vocabulary); empty starts from the
    /// vocabulary's newline, or its first character if it has none.</param>
    /// <param name="length">Characters to generate.</param>
    /// <param name="temperature">0 picks the most likely character every time; 1 samples the model's distribution.</param>
    /// <param name="random">The source of randomness.</param>
    /// <param name="emit">Receives each generated character.</param>
    /// <exception cref="DemoException">The prompt holds a character outside the vocabulary.</exception>
    public static void Generate(CharModel model, Vocabulary vocabulary, string prompt, int length, double temperature, Random random, Action<Rune> emit)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(emit);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (!(temperature >= 0) || double.IsInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "Expected 0 or a positive finite temperature.");
        }

        RequireInVocabulary(vocabulary, prompt);
        Span<float> logits = stackalloc float[model.OutputSize];
        Span<double> weights = stackalloc double[vocabulary.Count];
        model.ResetGenerationState();
        var newline = new Rune('\n');
        string start = prompt.Length > 0 ? prompt : vocabulary.Contains(newline) ? "\n" : vocabulary[0].ToString();
        foreach (Rune rune in start.EnumerateRunes())
        {
            model.Generate(vocabulary.IndexOf(rune), logits);
        }

        for (int n = 0; n < length; n++)
        {
            int next = Draw(logits[..vocabulary.Count], temperature, random, weights);
            emit(vocabulary[next]);
            if (n + 1 < length)
            {
                model.Generate(next, logits);
            }
        }
    }

    /// <summary>
    /// Generates <paramref name="count"/> independent texts of <paramref name="length"/> characters after the same
    /// <paramref name="prompt"/>, stepping all streams at once (<see cref="CharModel.GenerateBatch"/>: one batched
    /// inference step per character for every stream, no caches). Stream i draws from <c>new Random(seed + i)</c>, so
    /// it is exactly the text <see cref="Generate(CharModel, Vocabulary, string, int, double, Random)"/> gives with that
    /// seed: stream 0 is the single sample of <paramref name="seed"/>.
    /// </summary>
    /// <param name="model">The model, with <see cref="CharModel.MaxBatch"/> ≥ <paramref name="count"/>; its generation states are reset first.</param>
    /// <param name="vocabulary">The model's vocabulary.</param>
    /// <param name="prompt">Text every stream conditions on (as for <see cref="Generate(CharModel, Vocabulary, string, int, double, Random, Action{Rune})"/>).</param>
    /// <param name="length">Characters to generate per stream.</param>
    /// <param name="temperature">0 picks the most likely character every time; 1 samples the model's distribution.</param>
    /// <param name="seed">Stream i's seed is seed + i.</param>
    /// <param name="count">The number of streams.</param>
    /// <exception cref="DemoException">The prompt holds a character outside the vocabulary.</exception>
    public static string[] GenerateStreams(CharModel model, Vocabulary vocabulary, string prompt, int length, double temperature, int seed, int count)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, model.MaxBatch);
        if (!(temperature >= 0) || double.IsInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "Expected 0 or a positive finite temperature.");
        }

        RequireInVocabulary(vocabulary, prompt);
        int v = model.OutputSize;
        float[] logits = new float[count * v];
        double[] weights = new double[vocabulary.Count];
        int[] indices = new int[count];
        Random[] randoms = [.. Enumerable.Range(0, count).Select(i => new Random(seed + i))];
        StringBuilder[] texts = [.. Enumerable.Range(0, count).Select(_ => new StringBuilder(length))];
        model.ResetGenerationState();
        var newline = new Rune('\n');
        string start = prompt.Length > 0 ? prompt : vocabulary.Contains(newline) ? "\n" : vocabulary[0].ToString();
        foreach (Rune rune in start.EnumerateRunes())
        {
            Array.Fill(indices, vocabulary.IndexOf(rune));
            model.GenerateBatch(indices, logits);
        }

        for (int n = 0; n < length; n++)
        {
            for (int b = 0; b < count; b++)
            {
                indices[b] = Draw(logits.AsSpan(b * v, vocabulary.Count), temperature, randoms[b], weights);
                texts[b].Append(vocabulary[indices[b]].ToString());
            }

            if (n + 1 < length)
            {
                model.GenerateBatch(indices, logits);
            }
        }

        return [.. texts.Select(text => text.ToString())];
    }

    /// <summary>Checks that every character of <paramref name="prompt"/> is in <paramref name="vocabulary"/>.</summary>
    /// <exception cref="DemoException">The prompt holds a character outside the vocabulary.</exception>
    public static void RequireInVocabulary(Vocabulary vocabulary, string prompt)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(prompt);
        foreach (Rune rune in prompt.EnumerateRunes())
        {
            if (!vocabulary.Contains(rune))
            {
                throw new DemoException($"The prompt contains {Vocabulary.Describe(rune)}, which is not in the model's vocabulary: {vocabulary.Display()}");
            }
        }
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
