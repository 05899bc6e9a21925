using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DagMaster.Infrastructure.Workflows.Yaml;

/// <summary>
/// Streams the YAML events once before anything is built, refusing documents that are too deep or whose
/// aliases would expand into too many nodes ("billion laughs"). It counts each alias as the size of the
/// subtree it names, so the bomb is found without ever expanding it.
/// </summary>
internal static class YamlSafetyScanner
{
    public const int MaxDepth = 64;
    public const long MaxExpandedNodes = 100_000;

    public static void Scan(string source)
    {
        var scanner = new Scanner(new StringReader(source));
        var parser = new Parser(scanner);
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Count)>();
        long total = 0;

        void AddToParent(long count)
        {
            if (open.TryPop(out var parent))
            {
                open.Push((parent.Anchor, parent.Count + count));
            }
        }

        void AddToTotal(long count, Mark at)
        {
            total += count;
            if (total > MaxExpandedNodes)
            {
                throw new YamlLimitException($"the document expands to more than {MaxExpandedNodes:N0} nodes through its aliases", at);
            }
        }

        while (MoveNext(parser, scanner))
        {
            switch (parser.Current)
            {
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var size))
                    {
                        throw new YamlException(alias.Start, alias.End, $"unknown alias '*{alias.Value.Value}' (no anchor of that name before it)");
                    }

                    AddToTotal(size, alias.Start);
                    AddToParent(size);
                    break;
                case Scalar scalar:
                    AddToTotal(1, scalar.Start);
                    AddToParent(1);
                    if (!scalar.Anchor.IsEmpty)
                    {
                        anchors[scalar.Anchor.Value] = 1;
                    }

                    break;
                case NodeEvent collection and (SequenceStart or MappingStart):
                    if (open.Count >= MaxDepth)
                    {
                        throw new YamlLimitException($"the document is nested deeper than {MaxDepth} levels", collection.Start);
                    }

                    AddToTotal(1, collection.Start);
                    open.Push((collection.Anchor.IsEmpty ? null : collection.Anchor.Value, 1));
                    break;
                case SequenceEnd or MappingEnd:
                    var (name, count) = open.Pop();
                    if (name is not null)
                    {
                        anchors[name] = count;
                    }

                    AddToParent(count);
                    break;
            }
        }
    }

    /// <summary>
    /// Works around two YamlDotNet quirks so that every syntax error has a useful line: its scanner throws a
    /// bare <see cref="InvalidOperationException"/> on some malformed input (e.g. a flow sequence never
    /// closed), and it marks a tab in the indentation at the start of the enclosing mapping (often line 1)
    /// rather than at the tab. In both cases the scanner's own position is the line to report.
    /// </summary>
    private static bool MoveNext(Parser parser, Scanner scanner)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (InvalidOperationException ex)
        {
            var at = scanner.CurrentPosition;
            throw new YamlException(at, at, "could not parse the YAML here (is a bracket, brace or quote left open?)", ex);
        }
        catch (YamlException ex) when (ex.Message.Contains(" tab ", StringComparison.Ordinal) && scanner.CurrentPosition.Line > ex.Start.Line)
        {
            var at = scanner.CurrentPosition;
            throw new YamlException(at, at, ex.Message, ex);
        }
    }
}
