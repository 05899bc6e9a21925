using DagMaster.Infrastructure.Workflows.Yaml;

namespace DagMaster.UnitTests.Infrastructure.Workflows;

/// <summary>
/// The node keys of the format come from the node types; these pin them to version 1, order included (the order
/// breaks ties between "did you mean" suggestions).
/// </summary>
public sealed class WorkflowSchemaV1Tests
{
    [Fact]
    public void Node_WhenTakenFromTheNodeTypes_IsTheKeyListOfVersion1() =>
        WorkflowSchemaV1.Node.ShouldBe([
            "type", "description", "next", "depends_on", "handler", "queue", "params", "timeout_seconds", "retry", "priority",
            "condition_field", "condition", "branches", "source", "task", "max_parallel", "aggregation",
        ]);

    [Fact]
    public void ListNode_WhenTakenFromTheNodeTypes_IsIdThenTheNodeKeys() =>
        WorkflowSchemaV1.ListNode.ShouldBe(["id", .. WorkflowSchemaV1.Node]);

    [Fact]
    public void NestedKeys_WhenTakenFromTheNodeTypes_AreTheKeyListsOfVersion1()
    {
        WorkflowSchemaV1.Retry.ShouldBe(["max_attempts", "backoff", "initial_delay_seconds", "max_delay_seconds"]);
        WorkflowSchemaV1.FanOutTask.ShouldBe(["handler", "queue", "params", "timeout_seconds", "priority"]);
        WorkflowSchemaV1.Branch.ShouldBe(["name", "condition", "next", "default"]);
    }
}
