namespace DagMaster.Domain.Workflows;

public enum InputType
{
    String = 0,
    Integer = 1,
    Number = 2,
    Boolean = 3,
    Array = 4,
    Object = 5,
}
