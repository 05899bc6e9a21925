using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace DagMaster.IntegrationTests.Fuzzing;

/// <summary>
/// Sends every operation of the OpenAPI documents <see cref="RequestsPerOperation"/> requests built from hostile
/// path, query and header values and from bodies generated from the schemas and mutated. Seeded, so a run repeats.
/// </summary>
public sealed class ApiFuzzer(FuzzTarget target, IReadOnlyList<JsonElement> documents, int seed)
{
    public int RequestsPerOperation { get; init; } = 40;

    private readonly Random _random = new(seed);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<FuzzReport> RunAsync()
    {
        var report = new FuzzReport();
        var clock = Stopwatch.StartNew();
        foreach (var document in documents)
        {
            await RunAsync(document, report);
        }

        report.Elapsed = clock.Elapsed;
        return report;
    }

    private async Task RunAsync(JsonElement document, FuzzReport report)
    {
        var bodies = new BodyGenerator(document, _random, target.BodyValues);
        // Signing out ends the session the other UI operations use, so it goes last.
        var operations = ApiOperation.AllOf(document).OrderBy(o => o.PathTemplate == "/ui/logout").ToList();
        foreach (var operation in operations)
        {
            for (var i = 0; i < RequestsPerOperation; i++)
            {
                using var request = Build(operation, bodies, out var description);
                var client = target.ClientFor(operation.PathTemplate, _random);
                try
                {
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, Ct);
                    var status = (int)response.StatusCode;
                    report.Count(operation.Name, status);
                    if (status >= 500)
                    {
                        var body = await response.Content.ReadAsStringAsync(Ct);
                        report.Fail($"{operation.Name}: {status} for {description}: {body[..Math.Min(body.Length, 300)]}");
                    }
                }
                catch (HttpRequestException ex)
                {
                    report.Count(operation.Name, 0);
                    report.Fail($"{operation.Name}: no answer ({ex.Message}) for {description}");
                }
            }
        }
    }

    private HttpRequestMessage Build(ApiOperation operation, BodyGenerator bodies, out string description)
    {
        var path = new StringBuilder(operation.PathTemplate);
        var query = new List<string>();
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), "/");
        foreach (var parameter in operation.Parameters)
        {
            switch (parameter.In)
            {
                case "path":
                    var segment = _random.Next(2) == 0 && target.PathValues.TryGetValue(parameter.Name, out var real)
                        ? Uri.EscapeDataString(real)
                        : Pick(HostileValues.PathSegments);
                    path.Replace("{" + parameter.Name + "}", segment);
                    break;
                case "query" when _random.Next(3) > 0:
                    query.Add($"{Uri.EscapeDataString(parameter.Name)}={QueryValue(parameter)}");
                    break;
                case "header" when _random.Next(2) == 0:
                    request.Headers.TryAddWithoutValidation(parameter.Name, Pick(HostileValues.HeaderValues));
                    break;
            }
        }

        if (_random.Next(8) == 0)
        {
            query.Add($"{Pick(["ref.dataset_id", "unknown", "limit", "%00", "ref.", "ref.a%00"])}={Pick(HostileValues.QueryValues)}");
        }

        request.RequestUri = new Uri(path + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty), UriKind.Relative);
        var mutation = "no body";
        if (operation.BodyMediaType is not null)
        {
            request.Content = Body(operation, bodies, out mutation);
        }

        description = $"{operation.Method} {request.RequestUri} ({mutation})";
        return request;
    }

    private string QueryValue(ApiParameter parameter) => _random.Next(3) switch
    {
        0 => parameter.Type switch
        {
            "integer" => Pick(["1", "10", "0"]),
            "boolean" => Pick(["true", "false"]),
            _ => parameter.Name switch
            {
                "status" => Pick(["running", "completed", "failed"]),
                "created_after" or "created_before" => Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O")),
                _ => "fuzz",
            },
        },
        _ => Pick(HostileValues.QueryValues),
    };

    private HttpContent Body(ApiOperation operation, BodyGenerator bodies, out string mutation)
    {
        if (operation.PathTemplate == "/api/v1/workflows/validate")
        {
            mutation = "hostile YAML";
            var yaml = new StringContent(Pick(HostileValues.Yaml), Encoding.UTF8);
            yaml.Headers.ContentType = new(Pick(["application/yaml", "text/plain", "application/json", "text/x-yaml"]));
            return yaml;
        }

        if (operation.BodyMediaType!.Contains("form", StringComparison.Ordinal))
        {
            var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", target.AntiforgeryToken) };
            var schema = operation.BodySchema is { } s ? bodies.Resolve(s) : default;
            if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties))
            {
                fields.AddRange(properties.EnumerateObject().Select(p => new KeyValuePair<string, string>(
                    p.Name, _random.Next(2) == 0 && target.PathValues.TryGetValue(p.Name, out var real) ? real : Pick(HostileValues.Strings))));
            }

            var shown = string.Join('&', fields.Skip(1).Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
            mutation = "form " + shown[..Math.Min(shown.Length, 200)];
            return new FormUrlEncodedContent(fields);
        }

        var (text, done) = operation.BodySchema is { } bodySchema ? bodies.Mutated(bodySchema) : ("{}", "empty object");
        mutation = done;
        return new StringContent(text, Encoding.UTF8, "application/json");
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];
}
