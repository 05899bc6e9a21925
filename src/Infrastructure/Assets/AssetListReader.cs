using System.Text;
using System.Text.Json;
using DagMaster.Application.Assets.ListAssets;
using Npgsql;
using NpgsqlTypes;

namespace DagMaster.Infrastructure.Assets;

/// <summary>Asset ids in order, filtered by platform and by platform-ref containment (GIN, <c>@&gt;</c>).</summary>
internal sealed class AssetListReader(NpgsqlDataSource dataSource) : IAssetListReader
{
    public async Task<IReadOnlyList<string>> ListIdsAsync(ListAssetsQuery query, int take, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("SELECT asset_id FROM dagmaster.assets WHERE TRUE");
        await using var command = dataSource.CreateCommand();
        if (query.PlatformId is { } platformId)
        {
            sql.Append(" AND platform_id = @platform_id");
            command.Parameters.AddWithValue("platform_id", platformId);
        }

        if (!query.IncludeDeleted)
        {
            sql.Append(" AND NOT is_deleted");
        }

        if (query.Refs is { Count: > 0 } refs)
        {
            sql.Append(" AND platform_refs @> @refs");
            command.Parameters.Add(new NpgsqlParameter("refs", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(refs) });
        }

        if (query.Cursor is { } cursor)
        {
            sql.Append(" AND asset_id > @cursor");
            command.Parameters.AddWithValue("cursor", cursor);
        }

        sql.Append(" ORDER BY asset_id LIMIT @take");
        command.Parameters.AddWithValue("take", take);
        command.CommandText = sql.ToString();
        var ids = new List<string>(take);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
