using System.Text.Json;
using Shouldly;

namespace DagMaster.TestSupport;

/// <summary>Reads an HTTP answer as JSON, asserting the status and the content type.</summary>
public static class ProblemJson
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, int expectedStatus, string contentType = "application/json")
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(expectedStatus, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(contentType, body);
        return JsonDocument.Parse(body).RootElement;
    }

    public static Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, int expectedStatus) =>
        response.ReadJsonAsync(expectedStatus, "application/problem+json");
}
