namespace DagMaster.Domain.Workflows;

public enum BackoffKind
{
    Fixed = 0,
    Linear = 1,
    Exponential = 2,
}
