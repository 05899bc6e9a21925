using DagMaster.Worker.Raster.Gdal;

namespace DagMaster.Worker.Raster.Validation;

/// <summary>The raster types the workflows name, what a file looks like it is, and how many bytes a GDAL data type takes.</summary>
public static class RasterTypes
{
    public static IReadOnlyList<string> Known { get; } = ["auto", "rgb", "rgba", "dem", "categorical", "multispectral", "nir"];

    public static string Detect(RasterInfo info)
    {
        var byteData = info.Bands.All(b => b.DataType == "Byte");
        return info.Bands.Count switch
        {
            3 when byteData => "rgb",
            4 when byteData => "rgba",
            1 when byteData => "categorical",
            1 => "dem",
            _ => "multispectral",
        };
    }

    public static int BytesPerSample(string dataType) => dataType switch
    {
        "Byte" or "Int8" => 1,
        "UInt16" or "Int16" => 2,
        "UInt32" or "Int32" or "Float32" or "CInt16" => 4,
        "CInt32" or "CFloat32" or "Float64" or "UInt64" or "Int64" => 8,
        "CFloat64" => 16,
        _ => 4,
    };
}
