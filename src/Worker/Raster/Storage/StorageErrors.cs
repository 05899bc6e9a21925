using Azure;

namespace DagMaster.Worker.Raster.Storage;

/// <summary>Turns blob storage errors into task failures: a missing blob is bad input, an unreachable or busy service is retryable.</summary>
internal static class StorageErrors
{
    public static TaskFailedException Missing(string container, string blob) =>
        new($"Blob '{container}/{blob}' does not exist.", "missing_blob", retryable: false);

    /// <summary>The failure for <paramref name="exception"/>, or null when it is not a storage or network error.</summary>
    public static TaskFailedException? Translate(Exception exception, string what) => exception switch
    {
        TaskFailedException => null,
        RequestFailedException { Status: 404 } ex => new($"{what}: not found ({ex.ErrorCode}).", "missing_blob", retryable: false, ex),
        RequestFailedException { Status: 0 or 408 or 429 or >= 500 } ex =>
            new($"{what}: blob storage is unavailable ({Short(ex)}).", "storage_unavailable", retryable: true, ex),
        RequestFailedException ex => new($"{what}: blob storage refused the request ({ex.Status} {ex.ErrorCode}).", "storage_refused", retryable: false, ex),
        HttpRequestException or IOException or TimeoutException or AggregateException =>
            new($"{what}: blob storage is unavailable ({exception.Message}).", "storage_unavailable", retryable: true, exception),
        _ => null,
    };

    private static string Short(RequestFailedException ex) =>
        ex.Status == 0 ? ex.InnerException?.Message ?? ex.Message : $"{ex.Status} {ex.ErrorCode}";
}
