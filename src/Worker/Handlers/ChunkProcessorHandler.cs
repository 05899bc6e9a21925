using System.Text.Json;
using System.Text.Json.Nodes;

namespace DagMaster.Worker.Handlers;

/// <summary>
/// <c>chunk_processor</c>: processes <c>items</c> in chunks of <c>chunk_size</c> (default 10), in order, with an
/// optional <c>chunk_delay</c> (seconds) per chunk; checkpoints <c>chunk_i</c> = <c>{next_chunk, processed}</c> after
/// each chunk and resumes from <c>next_chunk</c>. Output: <c>{chunks, processed, resumed_from_chunk}</c>.
/// </summary>
public sealed class ChunkProcessorHandler(TimeProvider timeProvider) : ITaskHandler
{
    public const string HandlerName = "chunk_processor";
    public const int DefaultChunkSize = 10;

    public string Name => HandlerName;

    public async Task<JsonObject> HandleAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var items = context.Params["items"] as JsonArray
            ?? throw TaskFailedException.InvalidParams("'items' must be a list.");
        var chunkSize = HandlerParams.GetInteger(context.Params, "chunk_size", DefaultChunkSize);
        if (chunkSize < 1)
        {
            throw TaskFailedException.InvalidParams($"'chunk_size' must be at least 1, not {chunkSize}.");
        }

        var delay = HandlerParams.GetNumber(context.Params, "chunk_delay", 0);
        if (delay < 0)
        {
            throw TaskFailedException.InvalidParams($"'chunk_delay' must not be negative, not {delay}.");
        }

        var chunks = (items.Count + chunkSize - 1) / chunkSize;
        var start = ResumeChunk(context.CheckpointState, chunks);
        var processed = Math.Min(start * chunkSize, items.Count);
        for (var chunk = start; chunk < chunks; chunk++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (delay > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(delay), timeProvider, cancellationToken);
            }

            processed += items.Skip(chunk * chunkSize).Take(chunkSize).Count();
            await context.ReportProgressAsync(chunk + 1, chunks, $"chunk {chunk + 1} of {chunks}", cancellationToken);
            var state = new JsonObject { ["next_chunk"] = chunk + 1, ["processed"] = processed };
            await context.SaveCheckpointAsync($"chunk_{chunk}", state, cancellationToken);
        }

        return new JsonObject
        {
            ["chunks"] = chunks,
            ["processed"] = processed,
            ["resumed_from_chunk"] = start,
        };
    }

    /// <summary>The checkpoint's <c>next_chunk</c>, kept within 0..chunks; 0 when there is no usable checkpoint.</summary>
    private static int ResumeChunk(JsonNode? state, int chunks) =>
        state is JsonObject saved && saved["next_chunk"] is JsonValue value && value.GetValueKind() is JsonValueKind.Number or JsonValueKind.String
            ? Math.Clamp(HandlerParams.GetInteger(saved, "next_chunk", 0), 0, chunks)
            : 0;
}
