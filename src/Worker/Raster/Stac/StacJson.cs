using System.Text.Json;

namespace DagMaster.Worker.Raster.Stac;

/// <summary>How STAC documents are written: indented, as people read them.</summary>
public static class StacJson
{
    public static JsonSerializerOptions Options { get; } = new() { WriteIndented = true };
}
