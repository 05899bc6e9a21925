using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DagMaster.WebApi.OpenApi;

/// <summary>Example JSON kept exactly as written: dates stay strings (the default reader would rewrite them).</summary>
internal static class ExampleJson
{
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }
}
