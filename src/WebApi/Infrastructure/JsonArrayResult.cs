using System.Buffers;
using System.Text;

namespace DagMaster.WebApi.Infrastructure;

/// <summary>
/// 200 with a JSON array made of ready JSON texts, written one after another into the response. A claim of a hundred
/// tasks is never joined into one string first: that string (hundreds of kilobytes) went to the large object heap,
/// which only a full collection frees, and was most of what a 100,000-child fan-out grew the process by.
/// </summary>
public sealed class JsonArrayResult(IReadOnlyList<string> items) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "application/json";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        var body = response.BodyWriter;
        body.Write("["u8);
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                body.Write(","u8);
            }

            Encoding.UTF8.GetBytes(items[i].AsSpan(), body);
        }

        body.Write("]"u8);
        return body.FlushAsync(httpContext.RequestAborted).AsTask();
    }
}
