using Microsoft.AspNetCore.Http.HttpResults;

namespace DagMaster.WebApi.Infrastructure;

internal static class Problems
{
    public static ProblemHttpResult NotFound(string resource, object key) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: $"{resource} not found.",
        detail: $"{resource} '{key}' was not found.",
        type: ProblemTypes.NotFound);

    public static ProblemHttpResult Gone(string taskId) => TypedResults.Problem(
        statusCode: StatusCodes.Status410Gone,
        title: "The attempt is no longer current.",
        detail: $"Task '{taskId}' is not the current attempt of its node; stop working on it.",
        type: ProblemTypes.AttemptGone);
}
