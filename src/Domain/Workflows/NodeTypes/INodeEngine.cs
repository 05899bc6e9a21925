namespace DagMaster.Domain.Workflows.NodeTypes;

/// <summary>
/// The steps the engine can take on a node of a running job. A node type's <see cref="NodeTypeDescriptor.Execute"/>
/// picks its step here; the step itself changes job state, so the job aggregate implements it. The engine's node
/// is a type parameter because the workflow model does not know the job module's types.
/// </summary>
/// <typeparam name="TNode">The engine's state of one node.</typeparam>
/// <remarks>Each step returns true when it changed the job, so that the engine looks at the graph again.</remarks>
internal interface INodeEngine<in TNode>
{
    /// <summary>Completes a node the orchestrator runs itself and that has no output (start, end).</summary>
    bool CompleteAtOnce(TNode node, DateTimeOffset now);

    /// <summary>Renders the node's task parameters and dispatches its task to a worker.</summary>
    bool Dispatch(WorkflowDefinition definition, NodeDefinition spec, TNode node, DateTimeOffset now);

    /// <summary>Evaluates a conditional and completes it with the branch it takes.</summary>
    bool EvaluateConditional(WorkflowDefinition definition, NodeDefinition spec, TNode node, DateTimeOffset now);

    /// <summary>Creates a fan-out's children from its source list and dispatches the first of them.</summary>
    bool ExpandFanOut(WorkflowDefinition definition, NodeDefinition spec, TNode node, DateTimeOffset now);

    /// <summary>Dispatches more of a running fan-out's children and completes it once every child has completed.</summary>
    bool ProgressFanOut(NodeDefinition spec, TNode node, DateTimeOffset now);

    /// <summary>
    /// Completes a fan-in with the aggregated outputs of its fan-out's children, or asks for those outputs first
    /// when the job does not hold them yet.
    /// </summary>
    bool AggregateFanIn(NodeDefinition spec, TNode node, DateTimeOffset now);
}
