using System.Security.Cryptography;
using System.Text;
using DagMaster.Application.Abstractions;
using DagMaster.Domain.Workflows;
using DagMaster.Domain.Workflows.Drafts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DagMaster.Infrastructure.Workflows.Yaml;

/// <summary>
/// Reads the YAML workflow format (map form and list form) into a <see cref="WorkflowDraft"/> that keeps the
/// line of every key, then lets <see cref="WorkflowDefinition.Create"/> enforce the structural rules. Reading
/// errors (syntax, unknown keys, wrong types) and rule violations are reported together. A workflow with more
/// than <paramref name="maxNodes"/> nodes is refused as soon as the YAML is parsed, before any node is read.
/// </summary>
internal sealed class YamlWorkflowDefinitionReader(int maxNodes = WorkflowOptions.DefaultMaxNodes) : IWorkflowDefinitionReader
{
    public const int MaxSourceBytes = 1024 * 1024;

    public WorkflowReadResult Read(string source)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));
        var errors = new List<WorkflowError>();
        var draft = ReadDraft(source, errors);
        if (draft is null)
        {
            return new WorkflowReadResult(null, errors, hash);
        }

        try
        {
            var definition = WorkflowDefinition.Create(draft);
            if (errors.Count == 0)
            {
                return new WorkflowReadResult(definition, [], hash);
            }
        }
        catch (InvalidWorkflowException ex)
        {
            errors.AddRange(ex.Errors);
        }

        // In line order whichever stage found them; OrderBy is stable, so errors on one line keep their order.
        return new WorkflowReadResult(null, errors.OrderBy(e => e.Line ?? 0).ToList(), hash);
    }

    private WorkflowDraft? ReadDraft(string source, List<WorkflowError> errors)
    {
        var size = Encoding.UTF8.GetByteCount(source);
        if (size > MaxSourceBytes)
        {
            errors.Add(new WorkflowError("yaml.too_large", $"the file is {size:N0} bytes; workflow files are limited to {MaxSourceBytes:N0} bytes", 1));
            return null;
        }

        YamlStream stream;
        try
        {
            YamlSafetyScanner.Scan(source);
            stream = new YamlStream();
            stream.Load(new StringReader(source));
        }
        catch (YamlLimitException ex)
        {
            errors.Add(new WorkflowError("yaml.limit", ex.Message, (int)ex.At.Line));
            return null;
        }
        catch (YamlException ex)
        {
            errors.Add(new WorkflowError("yaml.syntax", $"invalid YAML: {ex.Message}", (int)ex.Start.Line));
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new WorkflowError("yaml.root", "a workflow file must hold exactly one YAML document whose top level is a mapping", 1));
            return null;
        }

        var top = new YamlMapping(root, "the workflow", errors);
        if (top.Get("nodes") is { } nodes && NodeCount(nodes) > maxNodes)
        {
            errors.Add(new WorkflowError(
                "nodes.limit", $"the workflow has {NodeCount(nodes):N0} nodes; a workflow may have at most {maxNodes:N0} (WORKFLOW_MAX_NODES)", top.KeyLines.GetValueOrDefault("nodes", top.Line)));
            return null;
        }

        top.ReportUnknownKeys(WorkflowSchemaV1.TopLevel);
        return new WorkflowDraft
        {
            Line = top.Line,
            KeyLines = top.KeyLines,
            WorkflowId = top.GetString("workflow_id"),
            Name = top.GetString("name"),
            Version = top.GetInt32("version"),
            Description = top.GetString("description"),
            TimeoutSeconds = top.GetInt32("timeout_seconds"),
            Inputs = ReadInputs(top, errors),
            Nodes = ReadNodes(top, errors),
            Outputs = ReadOutputs(top),
        };
    }

    private static int NodeCount(YamlNode nodes) => nodes switch
    {
        YamlMappingNode map => map.Children.Count,
        YamlSequenceNode list => list.Children.Count,
        _ => 0,
    };

    private static List<InputDraft> ReadInputs(YamlMapping top, List<WorkflowError> errors)
    {
        var inputs = new List<InputDraft>();
        switch (top.Get("inputs"))
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = YamlValues.KeyText(key);
                    if (AsMapping(value, $"input '{name}'", top, errors) is { } input)
                    {
                        input.ReportUnknownKeys(WorkflowSchemaV1.Input);
                        inputs.Add(ReadInput(name, input, YamlValues.LineOf(key)));
                    }
                }

                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    if (AsMapping(item, "an input of the list", top, errors) is { } input)
                    {
                        input.ReportUnknownKeys(WorkflowSchemaV1.ListInput);
                        inputs.Add(ReadInput(input.GetString("name"), input, input.Line));
                    }
                }

                break;
            case YamlScalarNode scalar when YamlValues.ToScalar(scalar) is null:
            case null:
                break;
            case var other:
                top.Error("yaml.type", "'inputs' must be a mapping or a list", other);
                break;
        }

        return inputs;
    }

    private static InputDraft ReadInput(string? name, YamlMapping input, int line) => new()
    {
        Line = line,
        KeyLines = input.KeyLines,
        Name = name,
        Type = input.GetString("type"),
        Required = input.GetBoolean("required"),
        HasDefault = input.Has("default"),
        Default = input.Get("default") is { } node ? YamlValues.ToValue(node) : null,
        Description = input.GetString("description"),
    };

    private static List<NodeDraft> ReadNodes(YamlMapping top, List<WorkflowError> errors)
    {
        var nodes = new List<NodeDraft>();
        switch (top.Get("nodes"))
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var id = YamlValues.KeyText(key);
                    var node = value is YamlScalarNode scalar && YamlValues.ToScalar(scalar) is null
                        ? new YamlMapping(new YamlMappingNode(), $"node '{id}'", errors)
                        : AsMapping(value, $"node '{id}'", top, errors);
                    if (node is not null)
                    {
                        node.ReportUnknownKeys(WorkflowSchemaV1.Node);
                        nodes.Add(NodeReader.Read(id, node, (int)key.Start.Line, errors));
                    }
                }

                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    if (AsMapping(item, "a node of the list", top, errors) is { } node)
                    {
                        node.ReportUnknownKeys(WorkflowSchemaV1.ListNode);
                        nodes.Add(NodeReader.Read(node.GetString("id"), node, node.Line, errors));
                    }
                }

                break;
            case null:
                break;
            case var other:
                top.Error("yaml.type", "'nodes' must be a mapping or a list", other);
                break;
        }

        return nodes;
    }

    private static List<OutputDraft> ReadOutputs(YamlMapping top)
    {
        if (top.GetMapping("outputs", "'outputs'") is not { } outputs)
        {
            return [];
        }

        return outputs.Node.Children
            .Select(e => new OutputDraft { Name = YamlValues.KeyText(e.Key), Value = YamlValues.ToValue(e.Value), Line = YamlValues.LineOf(e.Key) })
            .ToList();
    }

    internal static YamlMapping? AsMapping(YamlNode node, string where, YamlMapping parent, List<WorkflowError> errors)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlMapping(mapping, where, errors);
        }

        parent.Error("yaml.type", $"{where} must be a mapping", node);
        return null;
    }
}
