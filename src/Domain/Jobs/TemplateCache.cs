using System.Collections.Concurrent;
using DagMaster.Domain.Workflows.Templates;

namespace DagMaster.Domain.Jobs;

/// <summary>Parsed templates by text: workflow templates are few and rendered many times.</summary>
internal static class TemplateCache
{
    private const int MaxEntries = 10_000;
    private static readonly ConcurrentDictionary<string, Template> s_templates = new(StringComparer.Ordinal);

    public static Template Get(string text)
    {
        if (s_templates.TryGetValue(text, out var template))
        {
            return template;
        }

        template = Template.Parse(text);
        if (s_templates.Count < MaxEntries)
        {
            s_templates.TryAdd(text, template);
        }

        return template;
    }
}
