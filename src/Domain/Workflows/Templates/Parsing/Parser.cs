namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary>
/// Recursive-descent parser for one expression. Precedence, lowest first: <c>or</c>, <c>and</c>, <c>not</c>,
/// comparisons (<c>== != &lt; &lt;= &gt; &gt;= in not in</c>, not chained), unary minus, filters
/// (<c>x | f(args)</c>), member/index access, primaries (literals, variables, parentheses, list literals).
/// </summary>
internal sealed class Parser
{
    private readonly TemplateSource _source;
    private readonly List<Token> _tokens;
    private int _index;
    private int _depth;
    private bool _implicitValuePending;

    private Parser(TemplateSource source, List<Token> tokens, bool implicitValue)
    {
        _source = source;
        _tokens = tokens;
        _implicitValuePending = implicitValue;
    }

    private Token Current => _tokens[_index];

    private Token Next => _tokens[Math.Min(_index + 1, _tokens.Count - 1)];

    /// <summary>
    /// Parses the tokens of one expression (ending with an <see cref="TokenKind.End"/> token). With
    /// <paramref name="implicitValue"/> the text starts with a comparison operator whose left operand is <c>value</c>.
    /// </summary>
    public static ExpressionNode Parse(TemplateSource source, List<Token> tokens, bool implicitValue = false)
    {
        var parser = new Parser(source, tokens, implicitValue);
        if (parser.Current.Kind == TokenKind.End)
        {
            throw source.SyntaxError("empty expression", parser.Current.Position);
        }

        var node = parser.ParseExpression();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw parser.Unexpected(parser.Current, "after a complete expression");
        }

        return node;
    }

    private ExpressionNode ParseExpression()
    {
        Enter();
        var node = ParseOr();
        _depth--;
        return node;
    }

    private ExpressionNode ParseOr()
    {
        var first = ParseAnd();
        if (!Current.IsKeyword("or"))
        {
            return first;
        }

        var operands = new List<ExpressionNode> { first };
        while (Current.IsKeyword("or"))
        {
            Advance();
            operands.Add(ParseAnd());
        }

        return new OrNode([.. operands]);
    }

    private ExpressionNode ParseAnd()
    {
        var first = ParseNot();
        if (!Current.IsKeyword("and"))
        {
            return first;
        }

        var operands = new List<ExpressionNode> { first };
        while (Current.IsKeyword("and"))
        {
            Advance();
            operands.Add(ParseNot());
        }

        return new AndNode([.. operands]);
    }

    private ExpressionNode ParseNot()
    {
        if (_implicitValuePending || !Current.IsKeyword("not"))
        {
            return ParseComparison();
        }

        Advance();
        Enter();
        var operand = ParseNot();
        _depth--;
        return new NotNode(operand);
    }

    private ExpressionNode ParseComparison()
    {
        ExpressionNode left;
        if (_implicitValuePending)
        {
            _implicitValuePending = false;
            left = new VariableNode(BranchCondition.ValueName);
        }
        else
        {
            left = ParseUnary();
        }

        if (!TryReadComparisonOperator(out var op))
        {
            return left;
        }

        var right = ParseUnary();
        if (PeekComparisonOperator())
        {
            throw _source.SyntaxError("chained comparisons are not supported; combine them with 'and'", Current.Position);
        }

        return new ComparisonNode(op, left, right);
    }

    private bool TryReadComparisonOperator(out ComparisonOperator op)
    {
        ComparisonOperator? found = Current.Kind switch
        {
            TokenKind.Equal => ComparisonOperator.Equal,
            TokenKind.NotEqual => ComparisonOperator.NotEqual,
            TokenKind.Less => ComparisonOperator.Less,
            TokenKind.LessOrEqual => ComparisonOperator.LessOrEqual,
            TokenKind.Greater => ComparisonOperator.Greater,
            TokenKind.GreaterOrEqual => ComparisonOperator.GreaterOrEqual,
            _ when Current.IsKeyword("in") => ComparisonOperator.In,
            _ when Current.IsKeyword("not") && Next.IsKeyword("in") => ComparisonOperator.NotIn,
            _ => null,
        };

        op = found.GetValueOrDefault();
        if (found is null)
        {
            return false;
        }

        Advance();
        if (found == ComparisonOperator.NotIn)
        {
            Advance();
        }

        return true;
    }

    private bool PeekComparisonOperator() =>
        Current.Kind is TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessOrEqual
            or TokenKind.Greater or TokenKind.GreaterOrEqual
        || Current.IsKeyword("in")
        || (Current.IsKeyword("not") && Next.IsKeyword("in"));

    private ExpressionNode ParseUnary()
    {
        if (Current.Kind != TokenKind.Minus)
        {
            return ParseFiltered();
        }

        Advance();
        Enter();
        var operand = ParseUnary();
        _depth--;

        // Fold negative number literals so that x[-1] is a constant index.
        return operand switch
        {
            LiteralNode { Value: long l } => new LiteralNode(NegateNode.Negate(l)),
            LiteralNode { Value: double d } => new LiteralNode(-d),
            _ => new NegateNode(operand),
        };
    }

    private ExpressionNode ParseFiltered()
    {
        var node = ParsePostfix();
        var chained = 0;
        while (Current.Kind == TokenKind.Pipe)
        {
            Advance();
            var nameToken = Current;
            if (nameToken.Kind != TokenKind.Name)
            {
                throw Unexpected(nameToken, "where a filter name was expected after '|'");
            }

            if (!Filters.TryGet(nameToken.Text, out var filter))
            {
                throw _source.SyntaxError(
                    $"unknown filter '{nameToken.Text}' (known filters: {string.Join(", ", Filters.Names)})", nameToken.Position);
            }

            if (++chained + _depth > Template.MaxNestingDepth)
            {
                throw TooDeep(nameToken.Position);
            }

            Advance();
            var arguments = Current.Kind == TokenKind.LeftParen
                ? ParseSequence(TokenKind.RightParen, "')'")
                : [];
            if (arguments.Length < filter.MinArguments || arguments.Length > filter.MaxArguments)
            {
                throw _source.SyntaxError(
                    $"filter '{filter.Name}' takes {filter.DescribeArity()} but {arguments.Length} {(arguments.Length == 1 ? "was" : "were")} given",
                    nameToken.Position);
            }

            node = new FilterNode(node, filter, arguments);
        }

        return node;
    }

    private ExpressionNode ParsePostfix()
    {
        var target = ParsePrimary();
        List<PathSegment>? segments = null;
        while (true)
        {
            if (Current.Kind == TokenKind.Dot)
            {
                Advance();
                if (Current.Kind != TokenKind.Name)
                {
                    throw Unexpected(Current, "where a name was expected after '.'");
                }

                (segments ??= []).Add(PathSegment.ForKey(Current.Text));
                Advance();
            }
            else if (Current.Kind == TokenKind.LeftBracket)
            {
                Advance();
                var index = ParseExpression();
                Expect(TokenKind.RightBracket, "']'");
                (segments ??= []).Add(index switch
                {
                    LiteralNode { Value: string key } => PathSegment.ForKey(key),
                    LiteralNode { Value: long position } => PathSegment.ForIndex(position),
                    _ => PathSegment.ForExpression(index),
                });
            }
            else
            {
                break;
            }
        }

        if (segments is null)
        {
            return target;
        }

        // (a.b).c is the same path as a.b.c.
        return target is AccessNode access
            ? new AccessNode(access.Target, [.. access.Segments, .. segments])
            : new AccessNode(target, [.. segments]);
    }

    private ExpressionNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.String or TokenKind.Integer or TokenKind.Float:
                Advance();
                return new LiteralNode(token.Value);
            case TokenKind.LeftParen:
                Advance();
                var inner = ParseExpression();
                Expect(TokenKind.RightParen, "')'");
                return inner;
            case TokenKind.LeftBracket:
                return new ListNode(ParseSequence(TokenKind.RightBracket, "']'"));
            case TokenKind.Name:
                Advance();
                return token.Text switch
                {
                    "true" or "True" => new LiteralNode(true),
                    "false" or "False" => new LiteralNode(false),
                    "none" or "None" or "null" => new LiteralNode(null),
                    "and" or "or" or "not" or "in" => throw _source.SyntaxError(
                        $"expected a value but found keyword '{token.Text}'", token.Position),
                    _ => new VariableNode(token.Text),
                };
            default:
                throw Unexpected(token, "where a value was expected");
        }
    }

    /// <summary>Parses <c>( a, b, )</c> or <c>[ a, b, ]</c>; the current token is the opening bracket.</summary>
    private ExpressionNode[] ParseSequence(TokenKind close, string closeText)
    {
        Advance();
        var items = new List<ExpressionNode>();
        while (Current.Kind != close)
        {
            items.Add(ParseExpression());
            if (Current.Kind != TokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        Expect(close, closeText);
        return [.. items];
    }

    private void Expect(TokenKind kind, string text)
    {
        if (Current.Kind != kind)
        {
            throw Unexpected(Current, $"where {text} was expected");
        }

        Advance();
    }

    private void Advance()
    {
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }
    }

    private void Enter()
    {
        if (++_depth > Template.MaxNestingDepth)
        {
            throw TooDeep(Current.Position);
        }
    }

    private TemplateSyntaxException TooDeep(int position) =>
        _source.SyntaxError($"expression is nested too deeply (more than {Template.MaxNestingDepth} levels)", position);

    private TemplateSyntaxException Unexpected(Token token, string context)
    {
        var hint = token.Kind == TokenKind.Minus
            ? " (arithmetic is not supported; write keys containing '-' as [\"my-key\"])"
            : string.Empty;
        return _source.SyntaxError($"unexpected {token.Describe()} {context}{hint}", token.Position);
    }
}
