using System.Text.RegularExpressions;

namespace DagMaster.Worker.Raster.Staging;

/// <summary>
/// The layout of <see cref="RasterOptions.MountPath"/>: <c>jobs/&lt;job_id&gt;/input/</c> holds a job's staged source
/// (read by its later tasks, on any worker sharing the mount) and <c>jobs/&lt;job_id&gt;/work/&lt;task_id&gt;/</c> one
/// attempt's temporary files, removed when the attempt ends. A job's folder goes when the job is done with it: after its
/// last raster step, or when one of its steps fails for good.
/// </summary>
public sealed partial class MountFolder(RasterOptions options)
{
    public string Root => Path.GetFullPath(options.MountPath);

    public string JobFolder(string jobId) => Path.Combine(Root, "jobs", Safe(jobId));

    /// <summary>The folder a job's staged inputs live in (created).</summary>
    public string InputFolder(string jobId) => Directory.CreateDirectory(Path.Combine(JobFolder(jobId), "input")).FullName;

    /// <summary>A fresh folder for one attempt's temporary files (created, emptied first).</summary>
    public string CreateWorkFolder(string jobId, string taskId)
    {
        var folder = Path.Combine(JobFolder(jobId), "work", Safe(taskId));
        DeleteQuietly(folder);
        return Directory.CreateDirectory(folder).FullName;
    }

    /// <summary>Removes an attempt's folder, and the job's folders when nothing else is left in them.</summary>
    public void ReleaseWorkFolder(string jobId, string workFolder)
    {
        DeleteQuietly(workFolder);
        var job = JobFolder(jobId);
        foreach (var folder in new[] { Path.Combine(job, "work"), job })
        {
            try
            {
                if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    Directory.Delete(folder);
                }
            }
            catch (IOException)
            {
                // Another attempt of the job just wrote there.
            }
        }
    }

    public void DeleteJob(string jobId) => DeleteQuietly(JobFolder(jobId));

    public static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Another attempt of the job still writes there; the job's own clean-up removes it later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>A name safe as one path segment: ids carry ':' and may carry anything a client sent.</summary>
    public static string Safe(string name) => UnsafeCharacters().Replace(name, "_");

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeCharacters();
}
