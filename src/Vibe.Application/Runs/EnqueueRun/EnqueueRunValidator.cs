using FluentValidation;
using Vibe.Domain.Runs;

namespace Vibe.Application.Runs.EnqueueRun;

public sealed class EnqueueRunValidator : AbstractValidator<EnqueueRun>
{
    public EnqueueRunValidator()
    {
        RuleFor(command => command.Robot).NotEmpty().WithMessage("a robot name is required");
        RuleFor(command => command.Trigger)
            .Must(trigger => trigger is TriggerKind.Manual or TriggerKind.Scheduled)
            .WithMessage("use RerunTask for a rerun; retries are queued by ExecuteRun");
        RuleFor(command => command.ScheduledFireTime)
            .NotNull().When(command => command.Trigger == TriggerKind.Scheduled)
            .WithMessage("a scheduled run needs its fire time");
    }
}
