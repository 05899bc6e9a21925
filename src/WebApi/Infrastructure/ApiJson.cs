using System.Text.Json;
using System.Text.Json.Serialization;

namespace DagMaster.WebApi.Infrastructure;

/// <summary>The API's JSON conventions: snake_case names and enum values, nulls kept, depth limited.</summary>
public static class ApiJson
{
    /// <summary>The deepest nesting a request body may have.</summary>
    public const int MaxDepth = 64;

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.MaxDepth = MaxDepth;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }
}
