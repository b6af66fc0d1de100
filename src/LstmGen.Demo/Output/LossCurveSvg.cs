using System.Globalization;
using System.Text;

namespace LstmGen.Demo.Output;

/// <summary>
/// Draws a training run's loss curve as a self-contained SVG (no fonts or native libraries needed; opens in any
/// browser and renders on GitHub): the loss per step in light blue, its moving average in dark blue, the uniform-guess
/// loss ln V as a dashed line, with labelled axes. The same losses give the same bytes.
/// </summary>
public static class LossCurveSvg
{
    /// <summary>The reference line of a character model: the loss of a uniform guess over V characters.</summary>
    public const string UniformGuess = "uniform guess ln V";

    /// <summary>The vertical axis of a character model.</summary>
    public const string LossPerCharacter = "loss per character (nats)";

    private const int Width = 800, Height = 420, Left = 70, Right = 20, Top = 40, Bottom = 50;

    /// <summary>Writes the SVG to <paramref name="path"/> as one whole file (<see cref="LstmGen.Interop.AtomicFile"/>), creating its directory.</summary>
    /// <exception cref="IOException">The file cannot be written; the message names <paramref name="path"/>.</exception>
    public static void Write(string path, IReadOnlyList<double> losses, double referenceLoss, string title, string referenceLabel = UniformGuess, string lossLabel = LossPerCharacter)
    {
        ArgumentNullException.ThrowIfNull(path);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        LstmGen.Interop.AtomicFile.WriteAllBytes(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(losses, referenceLoss, title, referenceLabel, lossLabel)));
    }

    /// <summary>The SVG document.</summary>
    /// <param name="losses">Loss per character of each step (step k + 1 at index k).</param>
    /// <param name="referenceLoss">The loss to beat, drawn dashed: for a character model ln V, the loss of a uniform guess over the vocabulary.</param>
    /// <param name="title">The title above the plot.</param>
    /// <param name="referenceLabel">The label of the dashed reference line at <paramref name="referenceLoss"/>, followed by its value.</param>
    /// <param name="lossLabel">The label of the vertical axis.</param>
    public static string Render(IReadOnlyList<double> losses, double referenceLoss, string title, string referenceLabel = UniformGuess, string lossLabel = LossPerCharacter)
    {
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(title);
        double[] smoothed = MovingAverage(losses, window: Math.Max(1, losses.Count / 25));
        // Up to the largest loss, but no higher than twice the uniform guess: one spike must not flatten the curve.
        double yMax = NiceCeiling(Math.Min(Math.Max(referenceLoss, losses.Count > 0 ? losses.Max() : 1), 2 * Math.Max(referenceLoss, 0.5)));
        int xMax = Math.Max(1, losses.Count);
        double plotWidth = Width - Left - Right, plotHeight = Height - Top - Bottom;
        double X(double step) => Left + (step / xMax * plotWidth);
        double Y(double loss) => Top + plotHeight - (Math.Clamp(loss, 0, yMax) / yMax * plotHeight);

        var svg = new StringBuilder();
        svg.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(F($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(F($"<text x=\"{Width / 2}\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">{Escape(title)}</text>\n"));

        // Grid and tick labels: 5 divisions on each axis.
        for (int k = 0; k <= 5; k++)
        {
            double loss = yMax * k / 5, y = Y(loss);
            svg.Append(F($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#e5e5e5\"/>\n"));
            svg.Append(F($"<text x=\"{Left - 8}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{loss:0.##}</text>\n"));
            double step = (double)xMax * k / 5, x = X(step);
            svg.Append(F($"<line x1=\"{x:0.#}\" y1=\"{Top}\" x2=\"{x:0.#}\" y2=\"{Height - Bottom}\" stroke=\"#e5e5e5\"/>\n"));
            svg.Append(F($"<text x=\"{x:0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{step:0}</text>\n"));
        }

        svg.Append(F($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"none\" stroke=\"#444\"/>\n"));
        svg.Append(F($"<text x=\"{Left + (plotWidth / 2)}\" y=\"{Height - 10}\" text-anchor=\"middle\">step</text>\n"));
        svg.Append(F($"<text x=\"16\" y=\"{Top + (plotHeight / 2)}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {Top + (plotHeight / 2)})\">{Escape(lossLabel)}</text>\n"));

        double uniformY = Y(referenceLoss);
        svg.Append(F($"<line x1=\"{Left}\" y1=\"{uniformY:0.#}\" x2=\"{Width - Right}\" y2=\"{uniformY:0.#}\" stroke=\"#999\" stroke-dasharray=\"6 4\"/>\n"));
        svg.Append(F($"<text x=\"{Width - Right - 6}\" y=\"{uniformY - 6:0.#}\" text-anchor=\"end\" fill=\"#777\">{Escape(referenceLabel)} = {referenceLoss:0.###}</text>\n"));

        AppendLine(svg, losses, X, Y, "#9ecae1", 1);
        AppendLine(svg, smoothed, X, Y, "#08519c", 2);
        svg.Append(F($"<text x=\"{Left + 10}\" y=\"{Top + 18}\" fill=\"#6baed6\">loss per step</text>\n"));
        svg.Append(F($"<text x=\"{Left + 10}\" y=\"{Top + 34}\" fill=\"#08519c\">moving average</text>\n"));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void AppendLine(StringBuilder svg, IReadOnlyList<double> values, Func<double, double> x, Func<double, double> y, string colour, int width)
    {
        if (values.Count == 0)
        {
            return;
        }

        svg.Append(F($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"{width}\" points=\""));
        for (int k = 0; k < values.Count; k++)
        {
            svg.Append(F($"{(k == 0 ? string.Empty : " ")}{x(k + 1):0.##},{y(values[k]):0.##}"));
        }

        svg.Append("\"/>\n");
    }

    /// <summary>The mean of each value and the <paramref name="window"/> − 1 before it (fewer at the start).</summary>
    public static double[] MovingAverage(IReadOnlyList<double> values, int window)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] result = new double[values.Count];
        double sum = 0;
        for (int k = 0; k < values.Count; k++)
        {
            sum += values[k];
            if (k >= window)
            {
                sum -= values[k - window];
            }

            result[k] = sum / Math.Min(k + 1, window);
        }

        return result;
    }

    private static double NiceCeiling(double value) => Math.Ceiling(value * 2) / 2;

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
