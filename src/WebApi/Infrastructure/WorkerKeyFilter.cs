using System.Security.Cryptography;
using System.Text;

namespace DagMaster.WebApi.Infrastructure;

/// <summary>
/// Worker calls need <c>Authorization: Bearer &lt;worker key&gt;</c> with a key from WORKER_KEYS (comma separated).
/// With no key configured every worker call is refused: the protocol fails closed.
/// </summary>
internal sealed class WorkerKeyFilter(IConfiguration configuration) : IEndpointFilter
{
    private readonly byte[][] _keyHashes = (configuration["WORKER_KEYS"] ?? string.Empty)
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k)))
        .ToArray();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (presented is null || !_keyHashes.Any(k => CryptographicOperations.FixedTimeEquals(k, SHA256.HashData(Encoding.UTF8.GetBytes(presented)))))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "A worker key is required.",
                detail: "Send 'Authorization: Bearer <worker key>' with a key configured in WORKER_KEYS.",
                type: "https://dagmaster.dev/problems/unauthorized");
        }

        return await next(context);
    }
}
