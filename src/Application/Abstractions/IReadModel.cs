using DagMaster.Domain.Workflows;

namespace DagMaster.Application.Abstractions;

/// <summary>No-tracking queryable views for the read side; queries project straight to DTOs.</summary>
public interface IReadModel
{
    IQueryable<WorkflowVersion> WorkflowVersions { get; }
}
