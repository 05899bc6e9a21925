using System.Globalization;
using System.Text;

namespace DagMaster.Domain.Workflows.Templates;

/// <summary>
/// A variable path a template reads: the root name and the constant key segments that follow it,
/// e.g. <c>nodes.step_one.output.echoed_params["message"]</c> is root <c>nodes</c> with segments
/// <c>step_one, output, echoed_params, message</c>. Integer index segments are kept as their digits.
/// </summary>
public sealed class TemplatePath : IEquatable<TemplatePath>
{
    private readonly string[] _segments;

    public TemplatePath(string root, IEnumerable<string> segments)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(segments);
        Root = root;
        _segments = [.. segments];
    }

    public string Root { get; }

    public IReadOnlyList<string> Segments => _segments;

    public bool Equals(TemplatePath? other) =>
        other is not null && Root == other.Root && _segments.AsSpan().SequenceEqual(other._segments);

    public override bool Equals(object? obj) => Equals(obj as TemplatePath);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Root, StringComparer.Ordinal);
        foreach (var segment in _segments)
        {
            hash.Add(segment, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>Dotted form, e.g. <c>nodes.step_one.output.echoed_params.message</c>; other keys as <c>[0]</c> or <c>["a b"]</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Root);
        foreach (var segment in _segments)
        {
            AppendSegment(builder, segment);
        }

        return builder.ToString();
    }

    internal static void AppendSegment(StringBuilder builder, string segment)
    {
        if (IsIdentifier(segment))
        {
            builder.Append('.').Append(segment);
        }
        else if (long.TryParse(segment, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            builder.Append('[').Append(segment).Append(']');
        }
        else
        {
            builder.Append("[\"").Append(segment.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append("\"]");
        }
    }

    internal static bool IsIdentifier(string text)
    {
        if (text.Length == 0 || !(char.IsAsciiLetter(text[0]) || text[0] == '_'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
