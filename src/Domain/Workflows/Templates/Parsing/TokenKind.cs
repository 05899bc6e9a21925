namespace DagMaster.Domain.Workflows.Templates.Parsing;

internal enum TokenKind
{
    Name = 0,
    String = 1,
    Integer = 2,
    Float = 3,
    LeftParen = 4,
    RightParen = 5,
    LeftBracket = 6,
    RightBracket = 7,
    Comma = 8,
    Dot = 9,
    Pipe = 10,
    Equal = 11,
    NotEqual = 12,
    Less = 13,
    LessOrEqual = 14,
    Greater = 15,
    GreaterOrEqual = 16,
    Minus = 17,
    End = 18,
}
