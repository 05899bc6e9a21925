using System.Text.Json.Nodes;

namespace DagMaster.Worker.Raster.Handlers;

/// <summary>The platform passthrough params the STAC steps copy into items and collections, under a <c>dagmaster:</c> prefix.</summary>
internal static class StacFields
{
    private static readonly string[] s_passthrough = ["dataset_id", "resource_id", "version_id", "access_level"];

    public static JsonObject From(JsonObject parameters)
    {
        var fields = new JsonObject();
        foreach (var name in s_passthrough)
        {
            if (RasterParams.Optional(parameters, name) is { } value)
            {
                fields[$"dagmaster:{name}"] = value;
            }
        }

        if (RasterParams.Array(parameters, "tags") is { Count: > 0 } tags)
        {
            fields["keywords"] = tags.DeepClone();
        }

        return fields;
    }
}
