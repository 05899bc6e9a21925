using DagMaster.Domain.Workflows.Drafts;

namespace DagMaster.Domain.Workflows.NodeTypes;

/// <summary>
/// <c>fan_in</c>: the outputs of one upstream fan-out's children, aggregated in index order. Which fan-out that is
/// follows from the graph (<see cref="FanInRules"/>).
/// </summary>
internal sealed class FanInNodeType() : NodeTypeDescriptor(NodeType.FanIn, "fan_in", ["aggregation"], [])
{
    internal override void Build(NodeDraft draft, NodeDefinition definition, List<WorkflowError> errors) =>
        definition.Aggregation = ParseAggregation(draft, errors);

    internal override bool Execute<TNode>(INodeEngine<TNode> engine, WorkflowDefinition definition, NodeDefinition spec, TNode node, DateTimeOffset now) =>
        engine.AggregateFanIn(spec, node, now);

    private static FanInAggregation ParseAggregation(NodeDraft node, List<WorkflowError> errors)
    {
        switch (node.Aggregation)
        {
            case null or "collect":
                return FanInAggregation.Collect;
            case "concat":
                return FanInAggregation.Concat;
            case "sum":
                return FanInAggregation.Sum;
            case "first":
                return FanInAggregation.First;
            case "last":
                return FanInAggregation.Last;
            default:
                errors.Add(new WorkflowError(
                    "fan_in.aggregation.invalid",
                    $"'aggregation' of node '{node.Id}' must be collect, concat, sum, first or last, not '{node.Aggregation}'",
                    node.LineOf("aggregation"),
                    node.Id));
                return FanInAggregation.Collect;
        }
    }
}
