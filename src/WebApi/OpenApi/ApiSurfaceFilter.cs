using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace DagMaster.WebApi.OpenApi;

/// <summary>Puts the admin pages (<c>/ui/…</c>) into the <c>ui</c> document and everything else into <c>v1</c>.</summary>
internal sealed class ApiSurfaceFilter(bool isUiDocument) : IOperationProcessor
{
    public bool Process(OperationProcessorContext context) =>
        IsUiPage(context.OperationDescription.Path) == isUiDocument;

    private static bool IsUiPage(string path) => path == "/ui" || path.StartsWith("/ui/", StringComparison.Ordinal);
}
