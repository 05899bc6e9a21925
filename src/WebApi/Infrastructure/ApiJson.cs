using System.Text.Json;
using System.Text.Json.Serialization;

namespace DagMaster.WebApi.Infrastructure;

/// <summary>The API's JSON conventions: snake_case names and enum values, nulls kept, depth limited.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.MaxDepth = 64;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }
}
