using System.Runtime.CompilerServices;
using System.Text.Json;

namespace DagMaster.Application.Jobs.Common;

internal static class JsonValues
{
    /// <summary>JSON at least this long is parsed once per string instance (see <see cref="Parse"/>).</summary>
    private const int LargeLength = 16 * 1024;

    private static readonly ConditionalWeakTable<string, ParsedJson> s_large = new();

    /// <summary>
    /// The stored JSON as an element that outlives the parse. A large document is parsed once per string instance
    /// and the element kept while the string lives: a job's inputs can be hundreds of kilobytes, and the instance
    /// keeps them in memory (the same string for every status poll), so a poll does not copy them again.
    /// </summary>
    public static JsonElement? Parse(string? json) => json switch
    {
        null => null,
        { Length: >= LargeLength } => s_large.GetValue(json, j => new ParsedJson(Copy(j))).Element,
        _ => Copy(json),
    };

    /// <summary>The document is disposed so that its pooled buffers go back to the pool; the element is a copy.</summary>
    private static JsonElement Copy(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private sealed record ParsedJson(JsonElement Element);
}
