using YamlDotNet.Core;

namespace DagMaster.Infrastructure.Workflows.Yaml;

/// <summary>A document refused before parsing because it breaks a safety limit.</summary>
internal sealed class YamlLimitException(string message, Mark at) : Exception(message)
{
    public Mark At { get; } = at;
}
