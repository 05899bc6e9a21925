namespace DagMaster.Domain.Workflows;

public enum FanInAggregation
{
    Collect = 0,
    Concat = 1,
    Sum = 2,
    First = 3,
    Last = 4,
}
