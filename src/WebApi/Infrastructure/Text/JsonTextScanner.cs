using System.Text;
using System.Text.Json;

namespace DagMaster.WebApi.Infrastructure.Text;

/// <summary>
/// Walks a JSON body once and names every string (value or property name) PostgreSQL could not store, by its
/// path (<c>correlation_id</c>, <c>inputs.message</c>, <c>results[0].output.items[2]</c>). A body that is not
/// JSON (or nests deeper than allowed) gives no problems here: the model binder refuses it with its own 400.
/// </summary>
internal static class JsonTextScanner
{
    /// <summary>At most this many fields are named; a body full of bad strings is refused just the same.</summary>
    public const int MaxReported = 20;

    private const string BodyField = "body";

    public static Dictionary<string, string[]> Scan(ReadOnlySpan<byte> json, int maxDepth)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        var path = new PathBuilder();
        try
        {
            while (errors.Count < MaxReported && reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        path.Enter(reader.TokenType == JsonTokenType.StartArray);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.Leave();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = ReadString(ref reader, out var nameProblem);
                        if (nameProblem is not null)
                        {
                            errors.TryAdd(path.Current(BodyField, container: true), [$"a property name {nameProblem}"]);
                        }

                        path.Name(name is null ? "?" : StorableText.Printable(name));
                        break;
                    case JsonTokenType.String:
                        path.Value();
                        ReadString(ref reader, out var valueProblem);
                        if (valueProblem is not null)
                        {
                            errors.TryAdd(path.Current(BodyField), [valueProblem]);
                        }

                        break;
                    default:
                        path.Value();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            errors.Clear();
        }

        return errors;
    }

    /// <summary>The token's text, and what makes it unstorable (null when nothing does).</summary>
    private static string? ReadString(ref Utf8JsonReader reader, out string? problem)
    {
        if (!reader.ValueIsEscaped)
        {
            // Raw JSON strings cannot hold control characters, so only the UTF-8 can be wrong.
            problem = StorableText.Problem(reader.ValueSpan);
            return problem is null && reader.TokenType == JsonTokenType.PropertyName ? Encoding.UTF8.GetString(reader.ValueSpan) : null;
        }

        try
        {
            var text = reader.GetString()!;
            problem = StorableText.Problem(text);
            return text;
        }
        catch (InvalidOperationException)
        {
            // The escapes or bytes do not decode to valid UTF-16 (an unpaired surrogate, invalid UTF-8).
            problem = StorableText.InvalidUnicodeMessage;
            return null;
        }
    }
}
