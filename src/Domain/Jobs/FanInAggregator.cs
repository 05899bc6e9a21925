using System.Buffers;
using System.Text;
using System.Text.Json;
using DagMaster.Domain.Workflows;

namespace DagMaster.Domain.Jobs;

/// <summary>
/// The five fan-in aggregations over children's outputs, in index order. The outputs come as stored (JSON text, null
/// for none) and the aggregate is written as JSON text: collect, first and last copy the outputs as they are, and only
/// sum and concat parse them, one at a time, so a fan-in of 100,000 children holds no tree of their outputs.
/// </summary>
public static class FanInAggregator
{
    public static string Aggregate(FanInAggregation aggregation, IReadOnlyList<string?> outputs)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            switch (aggregation)
            {
                case FanInAggregation.Concat:
                    writer.WriteStartArray("results");
                    var flat = Concat(writer, outputs);
                    writer.WriteEndArray();
                    writer.WriteNumber("count", flat);
                    break;
                case FanInAggregation.Sum:
                    writer.WritePropertyName("total");
                    Sum(writer, outputs);
                    writer.WriteNumber("count", outputs.Count);
                    break;
                case FanInAggregation.First or FanInAggregation.Last:
                    writer.WritePropertyName("result");
                    Copy(writer, outputs.Count == 0 ? null : aggregation == FanInAggregation.First ? outputs[0] : outputs[^1]);
                    writer.WriteNumber("count", outputs.Count);
                    break;
                default:
                    writer.WriteStartArray("results");
                    foreach (var output in outputs)
                    {
                        Copy(writer, output);
                    }

                    writer.WriteEndArray();
                    writer.WriteNumber("count", outputs.Count);
                    break;
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Copy(Utf8JsonWriter writer, string? output)
    {
        if (output is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(output);
        }
    }

    /// <summary>Lists are spliced and scalars appended, walking each output's values in key order; returns how many.</summary>
    private static int Concat(Utf8JsonWriter writer, IReadOnlyList<string?> outputs)
    {
        var count = 0;
        foreach (var output in outputs)
        {
            if (output is null)
            {
                writer.WriteNullValue();
                count++;
                continue;
            }

            using var document = JsonDocument.Parse(output);
            var root = document.RootElement;
            IEnumerable<JsonElement> values = root.ValueKind == JsonValueKind.Object
                ? root.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Value)
                : [root];
            foreach (var value in values)
            {
                if (value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in value.EnumerateArray())
                    {
                        item.WriteTo(writer);
                        count++;
                    }
                }
                else
                {
                    value.WriteTo(writer);
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>The sum of every numeric top-level value of every output (an integer when all of them are).</summary>
    private static void Sum(Utf8JsonWriter writer, IReadOnlyList<string?> outputs)
    {
        long integral = 0;
        double total = 0;
        var allIntegral = true;
        foreach (var output in outputs)
        {
            if (output is null)
            {
                continue;
            }

            using var document = JsonDocument.Parse(output);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Number)
                {
                    continue;
                }

                if (property.Value.TryGetInt64(out var whole))
                {
                    integral += whole;
                    total += whole;
                }
                else
                {
                    allIntegral = false;
                    total += property.Value.GetDouble();
                }
            }
        }

        if (allIntegral)
        {
            writer.WriteNumberValue(integral);
        }
        else
        {
            writer.WriteNumberValue(total);
        }
    }
}
