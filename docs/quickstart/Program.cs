// 1. Register a platform (operator key)
using System.Net;
using System.Security.Cryptography;
using System.Text;
using DagMaster.Client;

var dagmasterUrl = new Uri(Environment.GetEnvironmentVariable("DAGMASTER_URL") ?? "http://127.0.0.1:8080/");
var platformId = Environment.GetEnvironmentVariable("PLATFORM_ID") ?? "acme-maps";
var callbackPrefix = Environment.GetEnvironmentVariable("CALLBACK_PREFIX") ?? "http://127.0.0.1:5099/dagmaster/";
using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));

using var operatorClient = new DagMasterClient(new DagMasterClientOptions
{
    BaseAddress = dagmasterUrl,
    ApiKey = Environment.GetEnvironmentVariable("DAGMASTER_OPERATOR_KEY"),
});
var platform = await operatorClient.CreatePlatformAsync(new PlatformRequest
{
    PlatformId = platformId,
    DisplayName = "ACME Maps",
    RequiredRefs = ["dataset_id"],
    Workflows = new Dictionary<string, string> { ["echo"] = "echo_test" },
    CallbackUrl = callbackPrefix + "callback",
}, deadline.Token);
var signingSecret = platform.SigningSecret!;

// 2. Make a platform key
var key = await operatorClient.CreateApiKeyAsync(platformId, new CreateApiKeyRequest { Name = "quickstart" }, deadline.Token);
using var dagmaster = new DagMasterClient(new DagMasterClientOptions { BaseAddress = dagmasterUrl, ApiKey = key.Key });

// 3. Listen for callbacks (before submitting, so the first delivery finds you)
using var listener = new HttpListener();
listener.Prefixes.Add(callbackPrefix);
listener.Start();
var callback = listener.GetContextAsync();

// 4. Submit
try
{
    var accepted = await dagmaster.SubmitAssetAsync(platformId, new SubmissionRequest
    {
        RequestId = "order-1001",
        Kind = "echo",
        Refs = new Dictionary<string, string> { ["dataset_id"] = "ds-42" },
        Inputs = new Dictionary<string, object> { ["message"] = "hello from ACME" },
    }, cancellationToken: deadline.Token);
    Console.WriteLine($"accepted: asset {accepted.AssetId}, version {accepted.VersionOrdinal}, revision {accepted.Revision}");
}
catch (DagMasterApiException e) when (e.Status == 422)
{
    foreach (var (field, messages) in e.Errors)
    {
        Console.Error.WriteLine($"{field}: {string.Join(" ", messages)}");
    }

    return 1;
}

// 5. Poll the request status
RequestStatusDto status;
do
{
    await Task.Delay(TimeSpan.FromMilliseconds(500), deadline.Token);
    status = await dagmaster.GetRequestStatusAsync(platformId, "order-1001", deadline.Token);
}
while (status.Status is "accepted" or "processing");
Console.WriteLine($"request status: {status.Status}");

// 6. Receive the webhook and verify its signature
var context = await callback.WaitAsync(deadline.Token);
string body;
using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
{
    body = await reader.ReadToEndAsync(deadline.Token);
}

var signature = context.Request.Headers["X-DagMaster-Signature"] ?? "";
var valid = VerifySignature(signingSecret, signature, body, DateTimeOffset.UtcNow);
context.Response.StatusCode = valid ? 200 : 401;
context.Response.Close();
Console.WriteLine($"callback {context.Request.Headers["X-DagMaster-Event"]}: signature {(valid ? "valid" : "INVALID")}");
return valid && status.Status == "completed" ? 0 : 1;

// X-DagMaster-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the signing secret>.
// Refuse it when t is more than five minutes away from now: a recorded callback cannot be replayed later.
static bool VerifySignature(string secret, string header, string body, DateTimeOffset now)
{
    var fields = header.Split(',')
        .Select(part => part.Split('=', 2))
        .Where(pair => pair.Length == 2)
        .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim());
    if (!fields.TryGetValue("t", out var t) || !long.TryParse(t, out var unixSeconds)
        || !fields.TryGetValue("v1", out var v1) || v1.Length != 64
        || Math.Abs(now.ToUnixTimeSeconds() - unixSeconds) > 300)
    {
        return false;
    }

    var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
    try
    {
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(v1));
    }
    catch (FormatException)
    {
        return false;
    }
}
