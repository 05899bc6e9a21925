namespace DagMaster.Domain.Workflows;

public enum NodeType
{
    Start = 0,
    End = 1,
    Task = 2,
    Conditional = 3,
    FanOut = 4,
    FanIn = 5,
}
