using System.Text;
using System.Text.Json.Nodes;

namespace DagMaster.Worker.Handlers;

/// <summary>
/// <c>size_check</c>: <c>{size_bytes, size_mb}</c> of the file at <c>path</c> (non-retryable <c>file_not_found</c>
/// when it is missing), or of the <c>data</c> string (its UTF-8 length) when no path is given.
/// </summary>
public sealed class SizeCheckHandler : ITaskHandler
{
    public const string HandlerName = "size_check";

    public string Name => HandlerName;

    public Task<JsonObject> HandleAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        long bytes;
        if (HandlerParams.GetString(context.Params, "path") is { } path)
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                return Task.FromException<JsonObject>(new TaskFailedException($"file not found: {path}", "file_not_found", retryable: false));
            }

            bytes = file.Length;
        }
        else if (HandlerParams.GetString(context.Params, "data") is { } data)
        {
            bytes = Encoding.UTF8.GetByteCount(data);
        }
        else
        {
            return Task.FromException<JsonObject>(TaskFailedException.InvalidParams("size_check needs 'path' (a file) or 'data' (a string)."));
        }

        return Task.FromResult(new JsonObject
        {
            ["size_bytes"] = bytes,
            ["size_mb"] = Math.Round(bytes / (1024.0 * 1024.0), 4),
        });
    }
}
