using System.Globalization;
using System.Text;

namespace LstmGen.Demo.WorkedExample;

/// <summary>Renders the worked example as a plain-text table: deterministic, so it can be a snapshot.</summary>
public static class WorkedExampleTable
{
    /// <summary>Digits of our value beyond the seed's printed decimals, to show agreement past the print.</summary>
    private const int ExtraDigits = 4;

    /// <summary>Formats the rows grouped by section; the last line counts the matches.</summary>
    public static string Render(IReadOnlyList<WorkedExampleRow> rows)
    {
        var sb = new StringBuilder();
        const string header = "  {0,-40} {1,24} {2,24}  {3,-13} {4}";
        string? section = null;
        foreach (WorkedExampleRow row in rows)
        {
            if (row.Section != section)
            {
                section = row.Section;
                sb.Append('\n').Append(section).Append('\n');
                sb.AppendFormat(CultureInfo.InvariantCulture, header, "quantity", "LstmGen", "seed printed", "seed cell", "").Append('\n');
            }

            sb.AppendFormat(
                CultureInfo.InvariantCulture, header, row.Quantity, FormatOurs(row), row.Seed.Printed, row.Seed.Source,
                row.Matches ? "ok" : "DIFFERS").Append('\n');
        }

        int matched = rows.Count(r => r.Matches);
        sb.Append('\n').Append(CultureInfo.InvariantCulture, $"{matched} of {rows.Count} printed values reproduced to every printed digit.").Append('\n');
        return sb.ToString();
    }

    private static string FormatOurs(WorkedExampleRow row)
    {
        int decimals = Math.Min(row.Seed.Decimals + ExtraDigits, 17);
        double value = row.Ours == 0 ? 0 : row.Ours; // print -0 as 0
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
