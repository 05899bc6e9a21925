using DagMaster.Application.Abstractions;
using DagMaster.Infrastructure.Workflows.Yaml;

namespace DagMaster.UnitTests.TestData;

/// <summary>
/// Builds workflow YAML text (map form) for reader tests. <see cref="Minimal"/> is a valid
/// start → work → end workflow; each test changes it in one place and asks for the line of the key it
/// broke, so expected lines follow the text instead of being counted by hand.
/// </summary>
/// <remarks>
/// Layout: the header keys, then any <see cref="WithSection"/> blocks, then <c>nodes:</c> with each node's
/// lines indented by four spaces under <c>  id:</c>. A node line may carry its own extra indentation
/// for nested blocks (<c>"retry:"</c>, <c>"  max_attempts: 0"</c>).
/// </remarks>
public sealed class WorkflowYaml
{
    private readonly List<string> _header = ["workflow_id: test_flow", "name: Test flow", "version: 1"];
    private readonly List<string> _sections = [];
    private readonly List<(string Id, List<string> Lines)> _nodes = [];

    /// <summary>start → work (task, handler echo) → end.</summary>
    public static WorkflowYaml Minimal() => new WorkflowYaml()
        .WithNode("start", "type: start", "next: work")
        .WithNode("work", "type: task", "handler: echo", "next: end")
        .WithNode("end", "type: end");

    /// <summary>The header only, no nodes.</summary>
    public static WorkflowYaml Empty() => new();

    /// <summary>Sets a top-level key: replaces the header line of the same key, or appends one.</summary>
    public WorkflowYaml WithHeader(string line)
    {
        var index = _header.FindIndex(l => KeyOf(l) == KeyOf(line));
        if (index >= 0)
        {
            _header[index] = line;
        }
        else
        {
            _header.Add(line);
        }

        return this;
    }

    public WorkflowYaml WithoutHeader(string key)
    {
        _header.RemoveAll(l => KeyOf(l) == key);
        return this;
    }

    /// <summary>Adds top-level lines (an <c>inputs</c> block, …) between the header and <c>nodes</c>.</summary>
    public WorkflowYaml WithSection(params string[] lines)
    {
        _sections.AddRange(lines);
        return this;
    }

    /// <summary>Replaces the node with this id, or adds it at the end of <c>nodes</c>.</summary>
    public WorkflowYaml WithNode(string id, params string[] lines)
    {
        var index = _nodes.FindIndex(n => n.Id == id);
        if (index >= 0)
        {
            _nodes[index] = (id, [.. lines]);
        }
        else
        {
            _nodes.Add((id, [.. lines]));
        }

        return this;
    }

    public WorkflowYaml WithoutNode(string id)
    {
        _nodes.RemoveAll(n => n.Id == id);
        return this;
    }

    /// <summary>
    /// Sets one key of a node: the first line names the key, the others are its nested lines. Replaces the
    /// key's existing block in place, or appends it to the node.
    /// </summary>
    public WorkflowYaml WithNodeKey(string id, params string[] lines)
    {
        var node = NodeLines(id);
        var (start, count) = KeyBlock(node, KeyOf(lines[0]));
        if (count == 0)
        {
            node.AddRange(lines);
        }
        else
        {
            node.RemoveRange(start, count);
            node.InsertRange(start, lines);
        }

        return this;
    }

    public WorkflowYaml WithoutNodeKey(string id, string key)
    {
        var node = NodeLines(id);
        var (start, count) = KeyBlock(node, key);
        if (count == 0)
        {
            throw new InvalidOperationException($"node '{id}' has no key '{key}'");
        }

        node.RemoveRange(start, count);
        return this;
    }

    public override string ToString() => string.Join('\n', Render()) + "\n";

    public WorkflowReadResult Read() => new YamlWorkflowDefinitionReader().Read(ToString());

    /// <summary>The 1-based line of the only line containing <paramref name="text"/>.</summary>
    public int LineOf(string text)
    {
        var lines = Render();
        var matches = Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains(text, StringComparison.Ordinal)).ToList();
        return matches.Count == 1
            ? matches[0] + 1
            : throw new InvalidOperationException($"'{text}' is on {matches.Count} lines of the workflow, not one:\n{this}");
    }

    /// <summary>The 1-based line of the node's id key.</summary>
    public int LineOfNode(string id)
    {
        var index = Render().IndexOf($"  {id}:");
        return index >= 0 ? index + 1 : throw new InvalidOperationException($"no node '{id}'");
    }

    /// <summary>The 1-based line of a key written directly under the node (first match).</summary>
    public int LineOfNodeKey(string id, string key)
    {
        var lines = Render();
        var nodeLine = LineOfNode(id);
        for (var i = nodeLine; i < lines.Count && lines[i].StartsWith("    ", StringComparison.Ordinal); i++)
        {
            if (lines[i].StartsWith($"    {key}:", StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"node '{id}' has no key '{key}'");
    }

    private List<string> Render()
    {
        var lines = new List<string>(_header);
        lines.AddRange(_sections);
        if (_nodes.Count > 0)
        {
            lines.Add("nodes:");
            foreach (var (id, body) in _nodes)
            {
                lines.Add($"  {id}:");
                lines.AddRange(body.Select(l => "    " + l));
            }
        }

        return lines;
    }

    private List<string> NodeLines(string id) =>
        _nodes.Find(n => n.Id == id).Lines ?? throw new InvalidOperationException($"no node '{id}'");

    private static (int Start, int Count) KeyBlock(List<string> node, string key)
    {
        var start = node.FindIndex(l => KeyOf(l) == key);
        if (start < 0)
        {
            return (node.Count, 0);
        }

        var end = start + 1;
        while (end < node.Count && node[end].StartsWith(' '))
        {
            end++;
        }

        return (start, end - start);
    }

    private static string KeyOf(string line) => line.Split(':', 2)[0];
}
