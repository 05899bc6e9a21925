using DagMaster.Application.Jobs.ListJobs;

namespace DagMaster.WebUi.Models;

/// <summary>The job list page: the filters as typed, one page of jobs, and the link to the next page.</summary>
public sealed record JobListModel(
    JobListFilter Filter,
    JobPageDto Page,
    IReadOnlyList<string> WorkflowIds,
    bool CanOperate,
    IReadOnlyList<string> Errors);
