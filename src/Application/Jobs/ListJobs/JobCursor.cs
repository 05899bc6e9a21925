using System.Buffers.Text;
using System.Text;

namespace DagMaster.Application.Jobs.ListJobs;

/// <summary>An opaque keyset cursor: the (created_at, id) of the last job of a page.</summary>
public sealed record JobCursor(DateTimeOffset CreatedAt, Guid JobId)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{CreatedAt.UtcTicks}_{JobId:N}"));

    public static bool TryDecode(string text, out JobCursor? cursor)
    {
        cursor = null;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('_');
            if (parts.Length == 2 && long.TryParse(parts[0], out var ticks) && ticks > 0 && ticks < DateTimeOffset.MaxValue.UtcTicks
                && Guid.TryParseExact(parts[1], "N", out var id))
            {
                cursor = new JobCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
