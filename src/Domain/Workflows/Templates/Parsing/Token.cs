namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary>A lexical token: its kind, 0-based position in the whole text, source text and literal value.</summary>
internal readonly record struct Token(TokenKind Kind, int Position, string Text, object? Value)
{
    public bool IsKeyword(string keyword) => Kind == TokenKind.Name && Text == keyword;

    /// <summary>How the token is named in an error message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End when Text.Length == 0 => "end of expression",
        TokenKind.End => "'}}' (end of expression)",
        TokenKind.String => $"string {Text}",
        _ => $"'{Text}'",
    };
}
