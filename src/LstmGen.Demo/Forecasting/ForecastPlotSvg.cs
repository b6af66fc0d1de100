using System.Globalization;
using System.Text;

namespace LstmGen.Demo.Forecasting;

/// <summary>
/// Draws the held-out forecast as a self-contained SVG: the actual series (the held-out months and the three years
/// before them) in black, the model's one-step-ahead forecasts in blue and the seasonal naive baseline dashed in grey,
/// a dashed line where the held-out months begin, and both errors in the legend. The same result gives the same bytes.
/// </summary>
public static class ForecastPlotSvg
{
    /// <summary>Months of history shown before the held-out ones.</summary>
    public const int HistoryMonths = 36;

    private const int Width = 900, Height = 440, Left = 70, Right = 20, Top = 40, Bottom = 50;

    /// <summary>Writes the SVG to <paramref name="path"/> as one whole file (<see cref="LstmGen.Interop.AtomicFile"/>), creating its directory.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(string path, MonthlySeries series, ForecastResult result, string title)
    {
        ArgumentNullException.ThrowIfNull(path);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        LstmGen.Interop.AtomicFile.WriteAllBytes(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(series, result, title)));
    }

    /// <summary>The SVG document.</summary>
    public static string Render(MonthlySeries series, ForecastResult result, string title)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(title);
        int first = Math.Max(0, result.FirstMonth - HistoryMonths), last = series.Count - 1;
        IEnumerable<double> shown = series.Values.Skip(first).Concat(result.Model).Concat(result.Baseline);
        double yMin = NiceFloor(shown.Min()), yMax = NiceCeiling(shown.Max());
        yMax = yMax > yMin ? yMax : yMin + 1;   // a flat series still gets an axis
        double plotWidth = Width - Left - Right, plotHeight = Height - Top - Bottom;
        double X(int month) => Left + ((month - first) / (double)Math.Max(1, last - first) * plotWidth);
        double Y(double value) => Top + plotHeight - ((value - yMin) / (yMax - yMin) * plotHeight);

        var svg = new StringBuilder();
        svg.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(F($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(F($"<text x=\"{Width / 2}\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">{Escape(title)}</text>\n"));
        for (int k = 0; k <= 5; k++)
        {
            double value = yMin + ((yMax - yMin) * k / 5), y = Y(value);
            svg.Append(F($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#e5e5e5\"/>\n"));
            svg.Append(F($"<text x=\"{Left - 8}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{value:0.##}</text>\n"));
        }

        for (int month = first; month <= last; month++)
        {
            if (series.MonthOfYear(month) == 0)
            {
                double x = X(month);
                svg.Append(F($"<line x1=\"{x:0.#}\" y1=\"{Top}\" x2=\"{x:0.#}\" y2=\"{Height - Bottom}\" stroke=\"#e5e5e5\"/>\n"));
                svg.Append(F($"<text x=\"{x:0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{series.Label(month)[..4]}</text>\n"));
            }
        }

        svg.Append(F($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"none\" stroke=\"#444\"/>\n"));
        svg.Append(F($"<text x=\"16\" y=\"{Top + (plotHeight / 2)}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {Top + (plotHeight / 2)})\">{Escape(series.ValueName)}</text>\n"));
        double split = X(result.FirstMonth);
        svg.Append(F($"<line x1=\"{split:0.#}\" y1=\"{Top}\" x2=\"{split:0.#}\" y2=\"{Height - Bottom}\" stroke=\"#999\" stroke-dasharray=\"6 4\"/>\n"));
        svg.Append(F($"<text x=\"{split + 6:0.#}\" y=\"{Top + 14}\" fill=\"#777\">held out</text>\n"));

        Polyline(svg, Enumerable.Range(first, last - first + 1).Select(k => (X(k), Y(series.Values[k]))), "#222", 2, dashed: false);
        Polyline(svg, result.Baseline.Select((v, k) => (X(result.FirstMonth + k), Y(v))), "#999", 1.5, dashed: true);
        Polyline(svg, result.Model.Select((v, k) => (X(result.FirstMonth + k), Y(v))), "#2171b5", 2, dashed: false);

        ForecastErrors model = result.ModelErrors, baseline = result.BaselineErrors;
        svg.Append(F($"<text x=\"{Left + 10}\" y=\"{Top + 18}\" fill=\"#222\">actual</text>\n"));
        svg.Append(F($"<text x=\"{Left + 10}\" y=\"{Top + 34}\" fill=\"#2171b5\">model, one step ahead: MAE {model.MeanAbsoluteError:0.#}, MAPE {model.MeanAbsolutePercentageError:0.#} %</text>\n"));
        svg.Append(F($"<text x=\"{Left + 10}\" y=\"{Top + 50}\" fill=\"#777\">seasonal naive (same month last year): MAE {baseline.MeanAbsoluteError:0.#}, MAPE {baseline.MeanAbsolutePercentageError:0.#} %</text>\n"));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Polyline(StringBuilder svg, IEnumerable<(double X, double Y)> points, string colour, double width, bool dashed)
    {
        svg.Append(F($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"{width}\"{(dashed ? " stroke-dasharray=\"5 3\"" : string.Empty)} points=\""));
        svg.Append(string.Join(" ", points.Select(p => F($"{p.X:0.##},{p.Y:0.##}"))));
        svg.Append("\"/>\n");
    }

    // Multiples of a power of ten around the data, so tick labels are round.
    private static double Step(double value) => Math.Pow(10, Math.Floor(Math.Log10(Math.Max(Math.Abs(value), 1e-12))));

    private static double NiceFloor(double value) => Math.Floor(value / Step(value)) * Step(value);

    private static double NiceCeiling(double value) => Math.Ceiling(value / Step(value)) * Step(value);

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
