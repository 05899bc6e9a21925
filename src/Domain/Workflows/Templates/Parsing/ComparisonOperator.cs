namespace DagMaster.Domain.Workflows.Templates.Parsing;

internal enum ComparisonOperator
{
    Equal = 0,
    NotEqual = 1,
    Less = 2,
    LessOrEqual = 3,
    Greater = 4,
    GreaterOrEqual = 5,
    In = 6,
    NotIn = 7,
}
