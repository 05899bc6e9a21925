using System.Text;
using System.Text.Json;
using DagMaster.Application.Assets.ListAssets;
using DagMaster.Domain.Assets;
using Npgsql;
using NpgsqlTypes;

namespace DagMaster.Infrastructure.Assets;

/// <summary>
/// Asset ids in order, filtered by platform, by platform-ref containment (GIN, <c>@&gt;</c>), by a version's approval
/// state (index on the versions' asset id), by clearance and by a prefix of a ref value. The last filters are checked
/// row by row along the primary key, which the page's <c>LIMIT</c> bounds.
/// </summary>
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

        if (query.Clearance is { } clearanceText && AssetText.TryParse(clearanceText, out var clearance))
        {
            sql.Append(" AND clearance = @clearance");
            command.Parameters.AddWithValue("clearance", clearance.ToString());
        }

        if (query.ApprovalState is { } stateText && AssetText.TryParseApproval(stateText, out var state))
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM dagmaster.asset_versions v WHERE v.asset_id = assets.asset_id AND v.approval_state = @approval_state)");
            command.Parameters.AddWithValue("approval_state", state.ToString());
        }

        if (query.Search is { Length: > 0 } search)
        {
            sql.Append(" AND (asset_id = @search OR EXISTS (SELECT 1 FROM jsonb_each_text(platform_refs) r WHERE starts_with(r.value, @search)))");
            command.Parameters.AddWithValue("search", search);
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
