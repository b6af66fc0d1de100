using System.Xml.Linq;
using LstmGen.Demo;
using LstmGen.Demo.Models;
using LstmGen.Demo.Output;
using LstmGen.Demo.Sampling;
using LstmGen.Demo.Text;

namespace LstmGen.Models.Tests.Demo;

/// <summary>Vocabulary, corpus, sampler and loss-curve writer of the demo.</summary>
public sealed class SamplerAndTextTests
{
    [Fact]
    public void Vocabulary_is_the_sorted_distinct_characters()
    {
        Vocabulary vocabulary = Vocabulary.FromText("hello, world\n");
        Assert.Equal("\n ,dehlorw", vocabulary.Characters);
        Assert.Equal([5, 4, 6, 6, 7], vocabulary.Encode("hello"));
        Assert.Equal("\\n ,dehlorw", vocabulary.Display());
    }

    [Fact]
    public void Corpus_normalises_line_endings()
    {
        Corpus corpus = Corpus.FromText("crlf", "ab\r\nba\r\n");
        Assert.Equal("ab\nba\n", corpus.Text);
        Assert.Equal("\nab", corpus.Vocabulary.Characters);
    }

    [Fact]
    public void Default_corpus_fits_every_model()
    {
        Corpus corpus = Corpus.LoadDefault();
        Assert.True(corpus.Text.Length > 5000);
        Assert.All(ModelCatalog.All, m => corpus.RequireFits(m.Name, m.Vocabulary));
        Assert.Equal(corpus.Text.Length, corpus.Indices.Length);
    }

    [Fact]
    public void One_character_corpus_is_refused() =>
        Assert.Contains("has one character", Assert.Throws<DemoException>(() => Corpus.FromText("x.txt", "x")).Message, StringComparison.Ordinal);

    [Fact]
    public void Temperature_zero_picks_the_most_likely_class()
    {
        Span<double> scratch = stackalloc double[4];
        Assert.Equal(2, Sampler.Draw([0.1f, 0.5f, 3f, 2.9f], 0, new Random(1), scratch));
    }

    [Fact]
    public void Draws_follow_softmax_over_temperature()
    {
        float[] logits = [0, MathF.Log(3)];                 // softmax: 1/4, 3/4
        double[] scratch = new double[2];
        var random = new Random(4);
        int ones = Enumerable.Range(0, 20000).Count(_ => Sampler.Draw(logits, 1.0, random, scratch) == 1);
        Assert.InRange(ones / 20000.0, 0.74, 0.76);
        int hot = Enumerable.Range(0, 20000).Count(_ => Sampler.Draw(logits, 2.0, random, scratch) == 1);   // √3/(1+√3) ≈ 0.634
        Assert.InRange(hot / 20000.0, 0.62, 0.645);
    }

    [Fact]
    public void Sampling_is_deterministic_for_a_seed_and_stays_in_the_vocabulary()
    {
        using CharModel model = ModelCatalog.Find("lstm32").Create(1, 1, 1);
        model.Initialise(new Random(2));
        Vocabulary vocabulary = Vocabulary.FromText("abc .");

        string first = Sampler.Generate(model, vocabulary, "ab", 50, 1.0, new Random(9));
        string second = Sampler.Generate(model, vocabulary, "ab", 50, 1.0, new Random(9));

        Assert.Equal(first, second);
        Assert.Equal(50, first.Length);
        Assert.All(first, c => Assert.Contains(c, vocabulary.Characters));
    }

    [Fact]
    public void Loss_curve_is_valid_svg_with_one_point_per_step()
    {
        double[] losses = [.. Enumerable.Range(0, 100).Select(k => 4.0 / (1 + (k / 10.0)))];
        XDocument svg = XDocument.Parse(LossCurveSvg.Render(losses, Math.Log(48), "a <title> & more"));

        XNamespace ns = "http://www.w3.org/2000/svg";
        XElement[] lines = [.. svg.Descendants(ns + "polyline")];
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Equal(100, line.Attribute("points")!.Value.Split(' ').Length));
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == "a <title> & more");
        Assert.Equal(LossCurveSvg.Render(losses, Math.Log(48), "t"), LossCurveSvg.Render(losses, Math.Log(48), "t"));
    }

    [Fact]
    public void Moving_average_averages_the_window_before_each_point() =>
        Assert.Equal([1.0, 1.5, 2.5, 3.5], LossCurveSvg.MovingAverage([1, 2, 3, 4], window: 2));
}
