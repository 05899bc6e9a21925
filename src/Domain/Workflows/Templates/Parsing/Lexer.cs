using System.Globalization;
using System.Text;

namespace DagMaster.Domain.Workflows.Templates.Parsing;

/// <summary>
/// Splits one expression into tokens. In template mode it starts after <c>{{</c> and stops after the matching
/// <c>}}</c> (a <c>}}</c> inside a string literal does not count); otherwise it reads to the end of the text.
/// </summary>
internal sealed class Lexer
{
    private readonly TemplateSource _source;
    private readonly string _text;
    private readonly bool _inTemplate;
    private readonly int _openPosition;
    private readonly List<Token> _tokens = [];
    private int _position;

    private Lexer(TemplateSource source, int start, bool inTemplate, int openPosition)
    {
        _source = source;
        _text = source.Text;
        _position = start;
        _inTemplate = inTemplate;
        _openPosition = openPosition;
    }

    /// <summary>Tokenises a bare expression (the whole text).</summary>
    public static List<Token> TokenizeExpression(TemplateSource source) =>
        new Lexer(source, 0, inTemplate: false, openPosition: -1).Run(out _);

    /// <summary>Tokenises the expression that follows the <c>{{</c> at <paramref name="openPosition"/>.</summary>
    public static List<Token> TokenizeTemplateExpression(TemplateSource source, int openPosition, out int end) =>
        new Lexer(source, openPosition + 2, inTemplate: true, openPosition).Run(out end);

    private List<Token> Run(out int end)
    {
        while (true)
        {
            SkipWhitespace();
            if (_position >= _text.Length)
            {
                if (_inTemplate)
                {
                    throw _source.SyntaxError("unclosed '{{' (no matching '}}')", _openPosition);
                }

                _tokens.Add(new Token(TokenKind.End, _position, string.Empty, null));
                end = _position;
                return _tokens;
            }

            if (_inTemplate && IsAt("}}"))
            {
                _tokens.Add(new Token(TokenKind.End, _position, "}}", null));
                end = _position + 2;
                return _tokens;
            }

            ReadToken();
        }
    }

    private void ReadToken()
    {
        var c = _text[_position];
        if (char.IsAsciiLetter(c) || c == '_')
        {
            ReadName();
        }
        else if (char.IsAsciiDigit(c))
        {
            ReadNumber();
        }
        else if (c is '\'' or '"')
        {
            ReadString(c);
        }
        else
        {
            ReadOperator(c);
        }
    }

    private void ReadName()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] == '_'))
        {
            _position++;
        }

        _tokens.Add(new Token(TokenKind.Name, start, _text[start.._position], null));
    }

    private void ReadNumber()
    {
        var start = _position;
        var isFloat = false;
        SkipDigits();
        if (Peek(0) == '.' && char.IsAsciiDigit(Peek(1)))
        {
            isFloat = true;
            _position++;
            SkipDigits();
        }

        if (Peek(0) is 'e' or 'E'
            && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && char.IsAsciiDigit(Peek(2)))))
        {
            isFloat = true;
            _position += 2;
            SkipDigits();
        }

        if (char.IsAsciiLetterOrDigit(Peek(0)) || Peek(0) == '_')
        {
            throw _source.SyntaxError($"invalid number '{_text[start.._position]}{Peek(0)}'", start);
        }

        var text = _text[start.._position];
        // Integers that do not fit in a long become doubles, as in FromJson.
        object value = !isFloat && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var integer)
            ? integer
            : (object)double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        _tokens.Add(new Token(value is long ? TokenKind.Integer : TokenKind.Float, start, text, value));
    }

    private void ReadString(char quote)
    {
        var start = _position;
        var builder = new StringBuilder();
        _position++;
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw _source.SyntaxError("unterminated string literal", start);
            }

            var c = _text[_position];
            if (c == quote)
            {
                _position++;
                break;
            }

            if (c == '\\')
            {
                ReadEscape(builder);
            }
            else
            {
                builder.Append(c);
                _position++;
            }
        }

        _tokens.Add(new Token(TokenKind.String, start, _text[start.._position], builder.ToString()));
    }

    private void ReadEscape(StringBuilder builder)
    {
        var escapeStart = _position;
        var next = Peek(1);
        _position += 2;
        switch (next)
        {
            case '\\' or '\'' or '"':
                builder.Append(next);
                break;
            case 'n':
                builder.Append('\n');
                break;
            case 'r':
                builder.Append('\r');
                break;
            case 't':
                builder.Append('\t');
                break;
            case 'b':
                builder.Append('\b');
                break;
            case 'f':
                builder.Append('\f');
                break;
            case '0':
                builder.Append('\0');
                break;
            case 'x':
                builder.Append(ReadHex(2, escapeStart));
                break;
            case 'u':
                builder.Append(ReadHex(4, escapeStart));
                break;
            case 'U':
                builder.Append(char.ConvertFromUtf32(ReadHexCodePoint(8, escapeStart)));
                break;
            case '\0':
                throw _source.SyntaxError("unterminated string literal", escapeStart);
            default:
                // Like Python: an unknown escape keeps its backslash (so 'C:\data' stays as written).
                builder.Append('\\').Append(next);
                break;
        }
    }

    private char ReadHex(int digits, int escapeStart) => (char)ReadHexCodePoint(digits, escapeStart);

    private int ReadHexCodePoint(int digits, int escapeStart)
    {
        if (_position + digits > _text.Length
            || !int.TryParse(_text.AsSpan(_position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || code > 0x10FFFF
            || (code is >= 0xD800 and <= 0xDFFF && digits == 8))
        {
            throw _source.SyntaxError($"invalid escape sequence '{_text.Substring(escapeStart, Math.Min(2 + digits, _text.Length - escapeStart))}'", escapeStart);
        }

        _position += digits;
        return code;
    }

    private void ReadOperator(char c)
    {
        var start = _position;
        var (kind, length) = c switch
        {
            '(' => (TokenKind.LeftParen, 1),
            ')' => (TokenKind.RightParen, 1),
            '[' => (TokenKind.LeftBracket, 1),
            ']' => (TokenKind.RightBracket, 1),
            ',' => (TokenKind.Comma, 1),
            '.' => (TokenKind.Dot, 1),
            '|' => (TokenKind.Pipe, 1),
            '-' => (TokenKind.Minus, 1),
            '=' when Peek(1) == '=' => (TokenKind.Equal, 2),
            '!' when Peek(1) == '=' => (TokenKind.NotEqual, 2),
            '<' when Peek(1) == '=' => (TokenKind.LessOrEqual, 2),
            '<' => (TokenKind.Less, 1),
            '>' when Peek(1) == '=' => (TokenKind.GreaterOrEqual, 2),
            '>' => (TokenKind.Greater, 1),
            _ => throw _source.SyntaxError(DescribeBadCharacter(c), start),
        };

        if (kind == TokenKind.Minus && _inTemplate && Peek(1) == '}' && Peek(2) == '}')
        {
            throw _source.SyntaxError("whitespace control ('-}}') is not supported", start);
        }

        _position += length;
        _tokens.Add(new Token(kind, start, _text.Substring(start, length), null));
    }

    private static string DescribeBadCharacter(char c) => c switch
    {
        '=' => "unexpected '=' (use '==' to compare; keyword arguments are not supported)",
        '!' => "unexpected '!' (use '!=' or 'not')",
        '+' or '*' or '/' or '%' or '~' => $"unexpected '{c}' (arithmetic and string concatenation are not supported)",
        '{' or '}' => $"unexpected '{c}' (map literals and nested '{{{{' are not supported)",
        _ when char.IsControl(c) => $"unexpected character U+{(int)c:X4}",
        _ => $"unexpected character '{c}'",
    };

    private void SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private void SkipDigits()
    {
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }
    }

    private char Peek(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private bool IsAt(string value) => string.CompareOrdinal(_text, _position, value, 0, value.Length) == 0;
}
