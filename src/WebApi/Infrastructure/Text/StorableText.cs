using System.Text;
using System.Text.Unicode;

namespace DagMaster.WebApi.Infrastructure.Text;

/// <summary>
/// Text PostgreSQL can store: no NUL character (refused by <c>text</c> and by <c>jsonb</c>'s <c>\u0000</c>)
/// and well-formed Unicode (no unpaired surrogate, no invalid UTF-8), which the UTF-8 database cannot encode.
/// </summary>
internal static class StorableText
{
    public const string NulMessage = "must not contain the NUL character (U+0000)";

    public const string InvalidUnicodeMessage = "must be well-formed Unicode (no unpaired surrogate, no invalid UTF-8)";

    /// <summary>Null when <paramref name="text"/> can be stored, else why not.</summary>
    public static string? Problem(ReadOnlySpan<char> text)
    {
        if (text.Contains('\0'))
        {
            return NulMessage;
        }

        return Utf16IsWellFormed(text) ? null : InvalidUnicodeMessage;
    }

    /// <summary>Null when the UTF-8 bytes can be stored, else why not.</summary>
    public static string? Problem(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Contains((byte)0))
        {
            return NulMessage;
        }

        return Utf8.IsValid(utf8) ? null : InvalidUnicodeMessage;
    }

    /// <summary>The text with NUL shown as <c>\0</c> and unpaired surrogates as U+FFFD, safe to echo in an answer.</summary>
    public static string Printable(string text)
    {
        var printable = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                printable.Append("\\0");
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                printable.Append(c).Append(text[++i]);
            }
            else
            {
                printable.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return printable.ToString();
    }

    private static bool Utf16IsWellFormed(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
            {
                continue;
            }

            if (!char.IsHighSurrogate(text[i]) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
            {
                return false;
            }

            i++;
        }

        return true;
    }
}
