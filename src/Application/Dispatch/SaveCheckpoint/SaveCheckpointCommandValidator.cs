namespace DagMaster.Application.Dispatch.SaveCheckpoint;

public sealed class SaveCheckpointCommandValidator : AbstractValidator<SaveCheckpointCommand>
{
    public const int MaxCheckpointBytes = 1024 * 1024;

    public SaveCheckpointCommandValidator()
    {
        RuleFor(c => c.TaskId).NotEmpty().MaximumLength(256);
        RuleFor(c => c.CheckpointJson.Length).LessThanOrEqualTo(MaxCheckpointBytes).OverridePropertyName("state")
            .WithMessage($"a checkpoint is limited to {MaxCheckpointBytes:N0} bytes");
    }
}
