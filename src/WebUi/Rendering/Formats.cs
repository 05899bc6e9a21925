using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DagMaster.WebUi.Rendering;

/// <summary>How the pages write times, durations and JSON. Razor encodes every result when it writes it.</summary>
public static class Formats
{
    private static readonly JsonSerializerOptions s_pretty = new()
    {
        WriteIndented = true,
        // Readable text (quotes, accents) in the page; Razor HTML-encodes the whole string when it is written.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Time(DateTimeOffset? value) =>
        value is { } t ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    public static string IsoTime(DateTimeOffset? value) =>
        value is { } t ? t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) : "";

    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalSeconds switch
        {
            < 1 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0} ms"),
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds} s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min"),
        };
    }

    public static string Duration(DateTimeOffset? start, DateTimeOffset? end, DateTimeOffset now) =>
        start is { } s ? Duration((end ?? now) - s) : "—";

    public static string Json(JsonElement? value) => value is { } element ? JsonSerializer.Serialize(element, s_pretty) : "null";

    public static string Json(object? value) => JsonSerializer.Serialize(value, s_pretty);

    public static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
