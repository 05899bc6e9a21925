using System.Text;
using DagMaster.Application.Assets.Common;
using DagMaster.Application.Platforms.Common;
using Namotion.Reflection;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace DagMaster.WebApi.OpenApi;

/// <summary>
/// Documents the platform callback as an OpenAPI callback of <c>CreatePlatform</c> (the call that sets
/// <c>callback_url</c>): its body (<see cref="WebhookPayload"/>) and its signature header, with an example signed
/// for real with the secret <see cref="ExampleSecret"/>.
/// </summary>
internal sealed class WebhookCallbackProcessor : IDocumentProcessor
{
    public const string ExampleSecret = "example-signing-secret";

    public const string ExampleBody =
        """{"event":"job.completed","request_id":"ddh-req-0001","status":"completed","asset_id":"9f86d081884c7d659a2feaa0c55ad015","version_ordinal":0,"version_label":"V1","revision":1,"approval_state":"pending_review","artifacts":{"cog_url":"https://blobs.example/ddh/ds-42/V1.tif"},"error":null,"occurred_at":"2026-01-01T00:00:00+00:00"}""";

    private static readonly DateTimeOffset s_exampleTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public void Process(DocumentProcessorContext context)
    {
        var payload = context.SchemaGenerator.GenerateWithReference<JsonSchema>(typeof(WebhookPayload).ToContextualType(), context.SchemaResolver);
        var create = context.Document.Operations.Single(o => o.Operation.OperationId == "CreatePlatform").Operation;

        var receive = new OpenApiOperation
        {
            OperationId = "ReceivePlatformCallback",
            Summary = "DagMaster calls the platform's callback_url",
            Description =
                "DagMaster POSTs this JSON when a request's job ends and when its version is approved or rejected. " +
                "Verify `X-DagMaster-Signature` before trusting the body: it is `t=<unix seconds>,v1=<hex HMAC-SHA256>` of " +
                "the string `<t>.<raw body>` keyed with the platform's signing secret; refuse a `t` more than five minutes " +
                "away from now. De-duplicate by `X-DagMaster-Delivery`: a delivery may arrive twice. The example is signed " +
                $"with the secret `{ExampleSecret}`.",
            Security = [new OpenApiSecurityRequirement()], // no credential: the signature authenticates
        };
        receive.Parameters.Add(Header("X-DagMaster-Signature", "`t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\">`.",
            WebhookSignature.Create(ExampleSecret, s_exampleTime, Encoding.UTF8.GetBytes(ExampleBody))));
        receive.Parameters.Add(Header("X-DagMaster-Delivery", "The delivery's id, the same on every retry of it.", "0194f3c2-5b1e-7c9a-8d3f-2a6b9e0c4d71"));
        receive.Parameters.Add(Header("X-DagMaster-Event", "The event, as in the body's `event`.", "job.completed"));
        receive.RequestBody = new OpenApiRequestBody { IsRequired = true };
        receive.RequestBody.Content["application/json"] = new OpenApiMediaType { Schema = payload, Example = ExampleJson.Parse(ExampleBody) };
        receive.Responses["2XX"] = new OpenApiResponse { Description = "Received; the delivery is done." };
        receive.Responses["4XX"] = new OpenApiResponse { Description = "Refused; any answer but 2xx is retried with backoff, then given up and shown to operators." };

        var path = new OpenApiPathItem { [OpenApiOperationMethod.Post] = receive };
        create.Callbacks["platform_event"] = new OpenApiCallback { ["{$request.body#/callback_url}"] = path };
    }

    private static OpenApiParameter Header(string name, string description, string example) => new()
    {
        Name = name,
        Kind = OpenApiParameterKind.Header,
        IsRequired = true,
        Description = description,
        Schema = new JsonSchema { Type = JsonObjectType.String },
        Example = example,
    };
}
