using System.Text.Json.Nodes;
using DagMaster.Worker.Raster.Gdal;

namespace DagMaster.Worker.Raster.Handlers;

/// <summary>
/// The clean-up every raster handler shares: an attempt's temporary folder is removed however the attempt ends (GDAL
/// processes are killed when the token fires); the job's staged input is removed when a step fails for good
/// (non-retryable, or the last attempt) and after the job's last raster step (<see cref="EndsJob"/>). A GDAL tool
/// failing without a handler's own explanation is reported as retryable <c>gdal_failed</c>.
/// </summary>
public abstract class RasterTaskHandler(RasterServices services) : ITaskHandler
{
    public abstract string Name { get; }

    protected RasterServices Services { get; } = services;

    /// <summary>Whether this step is the last one of its job to need the staged input.</summary>
    protected virtual bool EndsJob => false;

    public async Task<JsonObject> HandleAsync(TaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var work = Services.Mount.CreateWorkFolder(context.JobId, context.TaskId);
        try
        {
            var output = await RunAsync(new RasterStep(context, work), cancellationToken);
            if (EndsJob)
            {
                Services.Mount.DeleteJob(context.JobId);
            }

            return output;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failure = ex as TaskFailedException ?? (ex is GdalToolException gdal
                ? new TaskFailedException($"{Name}: {gdal.Message}", "gdal_failed", retryable: true, gdal)
                : null);
            if (failure is { Retryable: false } || context.Attempt >= context.MaxAttempts)
            {
                Services.Mount.DeleteJob(context.JobId); // the job ends here: leave nothing on the mount
            }

            if (failure is null || ReferenceEquals(failure, ex))
            {
                throw;
            }

            throw failure;
        }
        finally
        {
            Services.Mount.ReleaseWorkFolder(context.JobId, work);
        }
    }

    protected abstract Task<JsonObject> RunAsync(RasterStep step, CancellationToken cancellationToken);
}
