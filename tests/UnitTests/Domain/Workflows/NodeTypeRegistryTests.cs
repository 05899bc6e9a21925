using DagMaster.Domain.Workflows;
using DagMaster.Domain.Workflows.NodeTypes;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Domain.Workflows;

public sealed class NodeTypeRegistryTests
{
    public static TheoryData<NodeType> EveryNodeType => [.. Enum.GetValues<NodeType>()];

    public static TheoryData<NodeType, string> EveryRequiredKey =>
        [.. NodeTypeRegistry.All.SelectMany(d => d.RequiredKeys.Select(key => (d.Type, key)))];

    public static TheoryData<NodeType> EveryTypeWithRequiredKeys =>
        [.. NodeTypeRegistry.All.Where(d => d.RequiredKeys.Count > 0).Select(d => d.Type)];

    [Theory]
    [MemberData(nameof(EveryNodeType))]
    public void Of_WhenGivenAnyNodeTypeValue_ReturnsTheDescriptorOfThatType(NodeType type)
    {
        var descriptor = NodeTypeRegistry.Of(type);

        descriptor.Type.ShouldBe(type);
        NodeTypeRegistry.TryGet(descriptor.Name, out var named).ShouldBeTrue();
        named.ShouldBeSameAs(descriptor);
    }

    [Fact]
    public void All_WhenListed_HoldsOneDescriptorPerNodeTypeInEnumOrder() =>
        NodeTypeRegistry.All.Select(d => d.Type).ShouldBe(Enum.GetValues<NodeType>());

    [Fact]
    public void Of_WhenValueIsNoNodeType_ThrowsNamingTheValue()
    {
        var error = Should.Throw<InvalidOperationException>(() => NodeTypeRegistry.Of((NodeType)99));

        error.Message.ShouldContain("99");
    }

    [Theory]
    [InlineData("tsak")]
    [InlineData("Task")]
    [InlineData("fan-out")]
    [InlineData("")]
    public void TryGet_WhenNameIsNoTypeName_ReturnsFalse(string name) =>
        NodeTypeRegistry.TryGet(name, out _).ShouldBeFalse();

    [Fact]
    public void Default_WhenANodeNamesNoType_IsTask() => NodeTypeRegistry.Default.Type.ShouldBe(NodeType.Task);

    [Fact]
    public void NameList_WhenFormatted_NamesEveryTypeInEnumOrder() =>
        NodeTypeRegistry.NameList.ShouldBe("start, end, task, conditional, fan_out or fan_in");

    [Theory]
    [MemberData(nameof(EveryNodeType))]
    public void Allows_WhenKeyIsCommonOrTheTypesOwn_IsTrueAndOtherwiseFalse(NodeType type)
    {
        var descriptor = NodeTypeRegistry.Of(type);

        NodeTypeRegistry.CommonKeys.ShouldAllBe(key => descriptor.Allows(key));
        descriptor.Keys.ShouldAllBe(key => descriptor.Allows(key));
        descriptor.Keys.ShouldNotContain(key => NodeTypeRegistry.CommonKeys.Contains(key));
        descriptor.RequiredKeys.ShouldAllBe(key => descriptor.Keys.Contains(key));
        NodeTypeRegistry.NodeKeys.Except(NodeTypeRegistry.CommonKeys).Except(descriptor.Keys).ShouldAllBe(key => !descriptor.Allows(key));
    }

    [Theory]
    [MemberData(nameof(EveryTypeWithRequiredKeys))]
    public void Read_WhenNodeHasEveryRequiredKeyOfItsType_IsValid(NodeType type) =>
        WorkflowWithNodeX(type).Read().ShouldBeValid().GetNode("x").Type.ShouldBe(type);

    [Theory]
    [MemberData(nameof(EveryRequiredKey))]
    public void Read_WhenNodeLacksARequiredKeyOfItsType_ReportsThatKeyRequired(NodeType type, string key)
    {
        var error = WorkflowWithNodeX(type).WithoutNodeKey("x", key).Read().ShouldHaveError($"{type.Text()}.{key}.required");

        error.NodeId.ShouldBe("x");
    }

    /// <summary>A valid workflow whose node <c>x</c> is of <paramref name="type"/>, with every key that type requires.</summary>
    private static WorkflowYaml WorkflowWithNodeX(NodeType type)
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("start", "next: x");
        return type switch
        {
            NodeType.Task => yaml.WithoutNode("work").WithNode("x", "type: task", "handler: echo", "next: end"),
            NodeType.Conditional => yaml
                .WithSection("inputs:", "  flag:", "    type: boolean")
                .WithNode("x", "type: conditional", "condition: \"{{ inputs.flag }}\"", "branches:", "  true: work", "  false: end"),
            NodeType.FanOut => yaml
                .WithSection("inputs:", "  items:", "    type: array")
                .WithoutNode("work")
                .WithNode("x", "type: fan_out", "source: \"{{ inputs.items }}\"", "task:", "  handler: echo", "next: merge")
                .WithNode("merge", "type: fan_in", "next: end"),
            _ => throw new InvalidOperationException($"no example of a {type} node: add one, with every key its type requires"),
        };
    }
}
