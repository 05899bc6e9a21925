using System.Text.Json;
using System.Text.Json.Nodes;
using DagMaster.Domain.Workflows;

namespace DagMaster.Domain.Jobs;

/// <summary>The five fan-in aggregations over children's outputs, in index order.</summary>
public static class FanInAggregator
{
    public static JsonObject Aggregate(FanInAggregation aggregation, IReadOnlyList<JsonNode?> outputs) => aggregation switch
    {
        FanInAggregation.Concat => Concat(outputs),
        FanInAggregation.Sum => new JsonObject { ["total"] = Sum(outputs), ["count"] = outputs.Count },
        FanInAggregation.First => new JsonObject { ["result"] = outputs.Count > 0 ? outputs[0]?.DeepClone() : null, ["count"] = outputs.Count },
        FanInAggregation.Last => new JsonObject { ["result"] = outputs.Count > 0 ? outputs[^1]?.DeepClone() : null, ["count"] = outputs.Count },
        _ => new JsonObject { ["results"] = new JsonArray(outputs.Select(o => o?.DeepClone()).ToArray()), ["count"] = outputs.Count },
    };

    /// <summary>Lists are spliced and scalars appended, walking each output's values in key order.</summary>
    private static JsonObject Concat(IReadOnlyList<JsonNode?> outputs)
    {
        var flat = new JsonArray();
        foreach (var output in outputs)
        {
            IEnumerable<JsonNode?> values = output is JsonObject map
                ? map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)
                : [output];
            foreach (var value in values)
            {
                if (value is JsonArray list)
                {
                    foreach (var item in list)
                    {
                        flat.Add(item?.DeepClone());
                    }
                }
                else
                {
                    flat.Add(value?.DeepClone());
                }
            }
        }

        return new JsonObject { ["results"] = flat, ["count"] = flat.Count };
    }

    /// <summary>The sum of every numeric top-level value of every output (an integer when all of them are).</summary>
    private static JsonNode Sum(IReadOnlyList<JsonNode?> outputs)
    {
        long integral = 0;
        double total = 0;
        var allIntegral = true;
        foreach (var value in outputs.OfType<JsonObject>().SelectMany(o => o.Select(p => p.Value)).OfType<JsonValue>())
        {
            if (value.GetValueKind() != JsonValueKind.Number)
            {
                continue;
            }

            if (value.TryGetValue<long>(out var whole))
            {
                integral += whole;
                total += whole;
            }
            else
            {
                allIntegral = false;
                total += value.GetValue<double>();
            }
        }

        return allIntegral ? JsonValue.Create(integral) : JsonValue.Create(total);
    }
}
