using System.Text.Json;

namespace DagMaster.Application.Jobs.Common;

internal static class JsonValues
{
    /// <summary>
    /// The stored JSON as an element that outlives the parse. The document is disposed so that its pooled buffers go
    /// back to the pool: a job's inputs can be hundreds of kilobytes, read on every status poll.
    /// </summary>
    public static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
