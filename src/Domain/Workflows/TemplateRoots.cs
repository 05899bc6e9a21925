namespace DagMaster.Domain.Workflows;

/// <summary>Which names a template may read besides inputs, nodes and job.</summary>
internal enum TemplateRoots
{
    /// <summary>None.</summary>
    Standard,

    /// <summary><c>item</c> and <c>index</c>: a fan-out child's task params.</summary>
    FanOutChild,

    /// <summary>The value under test: a branch condition of a conditional.</summary>
    Branch,
}
