using System.Text;
using System.Text.Json;

namespace DagMaster.Benchmarks.Reporting;

/// <summary>Collects the rows, prints the table and writes <c>results.json</c>.</summary>
public sealed class Report
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly List<ResultRow> _rows = [];
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;

    public IReadOnlyList<ResultRow> Rows => _rows;

    public void Add(ResultRow row)
    {
        _rows.Add(row);
        Console.WriteLine($"  {row.Figure}: {row.Measured} (target {row.Target})");
    }

    public string Table()
    {
        var header = new[] { "figure", "measured", "target", "met?" };
        var lines = _rows.Select(r => new[] { r.Figure, r.Measured, r.Target, r.Met switch { true => "yes", false => "NO", null => "–" } }).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => lines.Select(l => l[i].Length).Append(header[i].Length).Max()).ToArray();
        var text = new StringBuilder();
        text.AppendLine("| " + string.Join(" | ", header.Select((h, i) => h.PadRight(widths[i]))) + " |");
        text.AppendLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var line in lines)
        {
            text.AppendLine("| " + string.Join(" | ", line.Select((c, i) => c.PadRight(widths[i]))) + " |");
        }

        return text.ToString();
    }

    public async Task WriteAsync(string directory, Dictionary<string, object?> machine, Dictionary<string, object?> settings, TimeSpan elapsed)
    {
        Directory.CreateDirectory(directory);
        var document = new Dictionary<string, object?>
        {
            ["started_at"] = _startedAt,
            ["elapsed_seconds"] = Math.Round(elapsed.TotalSeconds, 1),
            ["machine"] = machine,
            ["settings"] = settings,
            ["rows"] = _rows.Select(r => new Dictionary<string, object?>
            {
                ["key"] = r.Key,
                ["figure"] = r.Figure,
                ["measured"] = r.Measured,
                ["target"] = r.Target,
                ["met"] = r.Met,
                ["details"] = r.Details,
            }).ToList(),
        };
        await File.WriteAllTextAsync(Path.Combine(directory, "results.json"), JsonSerializer.Serialize(document, JsonOptions));
        await File.WriteAllTextAsync(Path.Combine(directory, "results.md"), Table());
    }
}
