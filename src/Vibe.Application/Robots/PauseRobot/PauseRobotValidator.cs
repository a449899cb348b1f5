using FluentValidation;

namespace Vibe.Application.Robots.PauseRobot;

internal sealed class PauseRobotValidator : AbstractValidator<PauseRobot>
{
    public PauseRobotValidator()
    {
        RuleFor(command => command.Robot).NotEmpty().WithMessage("<robot> is missing");
        RuleFor(command => command.Reason).MaximumLength(500).WithMessage("--reason must be at most 500 characters");
        RuleFor(command => command.By).NotEmpty().MaximumLength(100);
    }
}
