using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DagMaster.Infrastructure.Persistence;

/// <summary>Maps a read-only list or map property to a jsonb column, compared by content.</summary>
internal static class JsonColumn
{
    public static PropertyBuilder<IReadOnlyList<string>> AsJsonb(this PropertyBuilder<IReadOnlyList<string>> property) =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            s => JsonSerializer.Deserialize<List<string>>(s, JsonSerializerOptions.Default) ?? new List<string>(),
            new ValueComparer<IReadOnlyList<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList()));

    public static PropertyBuilder<IReadOnlyDictionary<string, string>> AsJsonb(this PropertyBuilder<IReadOnlyDictionary<string, string>> property) =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            s => JsonSerializer.Deserialize<Dictionary<string, string>>(s, JsonSerializerOptions.Default) ?? new Dictionary<string, string>(),
            new ValueComparer<IReadOnlyDictionary<string, string>>(
                (a, b) => a!.Count == b!.Count && a.All(e => b.ContainsKey(e.Key) && b[e.Key] == e.Value),
                v => v.Count,
                v => v.ToDictionary(e => e.Key, e => e.Value)));
}
