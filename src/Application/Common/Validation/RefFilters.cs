namespace DagMaster.Application.Common.Validation;

/// <summary>Limits of the <c>ref.&lt;key&gt;=&lt;value&gt;</c> filters of the job and asset lists.</summary>
public static class RefFilters
{
    public const int MaxKeyLength = 64;

    public const int MaxValueLength = 512;

    public const string TooLongMessage = "a ref filter's key may have at most 64 characters and its value at most 512";

    public static bool AreShort(IReadOnlyDictionary<string, string>? refs) =>
        refs is null || refs.All(r => r.Key.Length <= MaxKeyLength && r.Value.Length <= MaxValueLength);
}
