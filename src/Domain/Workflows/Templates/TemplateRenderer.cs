namespace DagMaster.Domain.Workflows.Templates;

/// <summary>Renders templates inside structured values such as a task's <c>params</c>.</summary>
public static class TemplateRenderer
{
    /// <summary>
    /// Renders recursively through maps and lists: every string is parsed as a template and rendered
    /// (a whole-expression string yields its native value); other values pass through unchanged.
    /// Maps and lists are copied; strings are parsed on every call (<see cref="Prepare"/> parses them once).
    /// </summary>
    /// <exception cref="TemplateSyntaxException">A string is not a valid template.</exception>
    /// <exception cref="TemplateEvaluationException">A template cannot be evaluated.</exception>
    public static object? RenderValue(object? value, TemplateScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        switch (value)
        {
            case string text:
                // Without '{' there is nothing to parse.
                return text.Contains('{', StringComparison.Ordinal) ? Template.Parse(text).Render(scope) : text;
            case IReadOnlyDictionary<string, object?> map:
                var renderedMap = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
                foreach (var (key, item) in map)
                {
                    renderedMap[key] = RenderValue(item, scope);
                }

                return renderedMap;
            case IReadOnlyList<object?> list:
                var renderedList = new List<object?>(list.Count);
                foreach (var item in list)
                {
                    renderedList.Add(RenderValue(item, scope));
                }

                return renderedList;
            default:
                return value;
        }
    }

    /// <summary>
    /// The value's templates parsed once, for a value rendered many times (a fan-out's children's params): the
    /// returned function renders as <see cref="RenderValue"/> does.
    /// </summary>
    /// <exception cref="TemplateSyntaxException">A string is not a valid template.</exception>
    public static Func<TemplateScope, object?> Prepare(object? value)
    {
        switch (value)
        {
            case string text when text.Contains('{', StringComparison.Ordinal):
                var template = Template.Parse(text);
                return template.Render;
            case IReadOnlyDictionary<string, object?> map:
                var entries = map.Select(e => (e.Key, Render: Prepare(e.Value))).ToArray();
                return scope =>
                {
                    var renderedMap = new Dictionary<string, object?>(entries.Length, StringComparer.Ordinal);
                    foreach (var (key, render) in entries)
                    {
                        renderedMap[key] = render(scope);
                    }

                    return renderedMap;
                };
            case IReadOnlyList<object?> list:
                var items = list.Select(Prepare).ToArray();
                return scope =>
                {
                    var renderedList = new List<object?>(items.Length);
                    foreach (var render in items)
                    {
                        renderedList.Add(render(scope));
                    }

                    return renderedList;
                };
            default:
                return _ => value;
        }
    }
}
