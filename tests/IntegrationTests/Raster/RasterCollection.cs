namespace DagMaster.IntegrationTests.Raster;

/// <summary>The raster tests share one Azurite and one set of generated rasters.</summary>
[CollectionDefinition(Name)]
public sealed class RasterCollection : ICollectionFixture<RasterFixture>
{
    public const string Name = "raster";
}
