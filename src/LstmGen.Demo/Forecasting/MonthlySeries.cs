using System.Globalization;
using System.Reflection;
using System.Text;

namespace LstmGen.Demo.Forecasting;

/// <summary>
/// A monthly time series of positive values: the embedded default (monthly international airline passengers, in
/// thousands, January 1949 – December 1960: Box and Jenkins' "Series G", public domain; <c>Forecasting/AirlinePassengers.csv</c>)
/// or a CSV file of <c>yyyy-MM,value</c> lines after a header line, consecutive months, every value positive and finite.
/// </summary>
public sealed class MonthlySeries
{
    private const string DefaultResourceName = "LstmGen.Demo.Forecasting.AirlinePassengers.csv";

    private MonthlySeries(string name, string valueName, int firstYear, int firstMonth, double[] values)
    {
        Name = name;
        ValueName = valueName;
        FirstYear = firstYear;
        FirstMonth = firstMonth;
        Values = values;
    }

    /// <summary>Where the series came from: <c>embedded airline passengers 1949–1960</c> or the file path.</summary>
    public string Name { get; }

    /// <summary>The header of the value column, e.g. <c>passengers</c>.</summary>
    public string ValueName { get; }

    /// <summary>The year of the first value.</summary>
    public int FirstYear { get; }

    /// <summary>The month of the first value, 1–12.</summary>
    public int FirstMonth { get; }

    /// <summary>The values, one per month.</summary>
    public double[] Values { get; }

    /// <summary>The number of months.</summary>
    public int Count => Values.Length;

    /// <summary>SHA-256 (hex) of the first year, the first month and every value's bits: equal exactly for the same data.</summary>
    public string Fingerprint
    {
        get
        {
            byte[] bytes = new byte[(2 * sizeof(int)) + (Values.Length * sizeof(double))];
            BitConverter.TryWriteBytes(bytes.AsSpan(0), FirstYear);
            BitConverter.TryWriteBytes(bytes.AsSpan(sizeof(int)), FirstMonth);
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(Values.AsSpan()).CopyTo(bytes.AsSpan(2 * sizeof(int)));
            return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));
        }
    }

    /// <summary>The calendar month (0 = January … 11 = December) of value <paramref name="index"/>.</summary>
    public int MonthOfYear(int index) => (FirstMonth - 1 + index) % 12;

    /// <summary><c>1959-01</c>: the label of value <paramref name="index"/>.</summary>
    public string Label(int index)
    {
        int months = (FirstMonth - 1) + index;
        return string.Create(CultureInfo.InvariantCulture, $"{FirstYear + (months / 12)}-{(months % 12) + 1:00}");
    }

    /// <summary>The embedded file, or <paramref name="path"/> when given.</summary>
    /// <exception cref="DemoException">The file is missing, unreadable or malformed (the message names the line).</exception>
    public static MonthlySeries Load(string? path) => path is null ? LoadDefault() : LoadFile(path);

    /// <summary>The embedded airline passengers series.</summary>
    public static MonthlySeries LoadDefault()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"The demo assembly lacks its embedded resource {DefaultResourceName}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse("embedded airline passengers 1949–1960", reader.ReadToEnd());
    }

    /// <summary>Reads a CSV file.</summary>
    /// <exception cref="DemoException">The file is missing, unreadable or malformed.</exception>
    public static MonthlySeries LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DemoException($"Series file not found: {path}");
        }

        try
        {
            return Parse(path, File.ReadAllText(path, Encoding.UTF8));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new DemoException($"Cannot read the series file {path}: {error.Message}");
        }
    }

    /// <summary>Parses CSV text: a header <c>month,name</c>, then <c>yyyy-MM,value</c> lines of consecutive months.</summary>
    /// <exception cref="DemoException">A line is malformed, a month is skipped or repeated, or a value is not positive and finite.</exception>
    public static MonthlySeries Parse(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.TrimEntries);
        string[] header = lines.Length > 0 ? lines[0].Split(',') : [];
        if (header.Length != 2)
        {
            throw new DemoException($"{name}, line 1: expected a header 'month,<value name>', found '{(lines.Length > 0 ? lines[0] : string.Empty)}'.");
        }

        var values = new List<double>();
        int firstYear = 0, firstMonth = 0;
        for (int k = 1; k < lines.Length; k++)
        {
            if (lines[k].Length == 0)
            {
                continue;
            }

            string[] fields = lines[k].Split(',');
            if (fields.Length != 2 || !TryMonth(fields[0], out int year, out int month))
            {
                throw new DemoException($"{name}, line {k + 1}: expected 'yyyy-MM,value', found '{lines[k]}'.");
            }

            if (!double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || value <= 0)
            {
                throw new DemoException($"{name}, line {k + 1}: expected a positive finite value (the model forecasts its logarithm), found '{fields[1]}'.");
            }

            if (values.Count == 0)
            {
                (firstYear, firstMonth) = (year, month);
            }
            else if ((year * 12) + month != (firstYear * 12) + firstMonth + values.Count)
            {
                throw new DemoException($"{name}, line {k + 1}: expected the month after the previous line's, found {fields[0]}.");
            }

            values.Add(value);
        }

        if (values.Count == 0)
        {
            throw new DemoException($"{name}: no values after the header.");
        }

        return new MonthlySeries(name, header[1], firstYear, firstMonth, [.. values]);
    }

    private static bool TryMonth(string text, out int year, out int month)
    {
        year = month = 0;
        return text.Length == 7 && text[4] == '-'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out month)
            && month is >= 1 and <= 12;
    }
}
