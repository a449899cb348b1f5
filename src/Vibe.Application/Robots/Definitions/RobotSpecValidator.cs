using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Common.Text;
using Vibe.Application.Executors;
using Vibe.Domain.Robots;

namespace Vibe.Application.Robots.Definitions;

/// <summary>
/// Every rule a robot must meet before it may run, checked on the robot with its defaults applied.
/// Property names are JSON paths relative to the robot ("schedule.cron", "steps[2].selector").
/// </summary>
public sealed partial class RobotSpecValidator : AbstractValidator<RobotSpec>
{
    private static readonly string[] MisfirePolicies = ["runOnce", "skip", "runAll"];
    private static readonly string[] OverlapPolicies = ["skip", "queue"];
    private static readonly string[] RetryOnValues = ["any", "timeout", "errorPattern"];
    private static readonly string[] InterruptPolicies = ["requeue", "drop"];
    private static readonly string[] KnownRobotFields = ["name", "description", "enabled", "executor", "schedule", "retry", "timeout", "onInterrupt", "notify", "hosts", "steps"];

    public RobotSpecValidator(IScheduleCalendar calendar, ExecutorRegistry registry, IEnvironmentReader environment, RobotValidationOptions? options = null)
    {
        var unknownExecutorsPass = options?.LeaveUnknownExecutorsToTheService ?? false;
        RuleFor(robot => robot.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("a robot needs a name")
            .Matches(SlugPattern()).WithMessage(robot => $"name '{robot.Name}' must be a slug: lower-case letters, digits and dashes, starting with a letter or digit (at most 100)");

        RuleFor(robot => robot.Executor).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("executor is required (one of: " + string.Join(", ", registry.ExecutorNames) + ")")
            .Must(name => unknownExecutorsPass || registry.FindExecutor(name!) is not null)
            .WithMessage(robot => $"executor '{robot.Executor}' is not registered (known: {string.Join(", ", registry.ExecutorNames)})");

        RuleFor(robot => robot.Timeout).Custom((text, context) =>
        {
            if (text is not null && (Duration.Problem("timeout", text, "00:10:00 or 10m") ?? (Duration.Parse(text) > TimeSpan.Zero ? null : $"timeout '{text}' must be longer than zero")) is { } problem)
            {
                context.AddFailure(problem);
            }
        });

        RuleFor(robot => robot.OnInterrupt).Must(value => value is null || InterruptPolicies.Contains(value))
            .WithMessage(robot => $"onInterrupt '{robot.OnInterrupt}' is not one of {string.Join(", ", InterruptPolicies)}");

        RuleFor(robot => robot.Schedule!).ChildRules(schedule =>
        {
            schedule.RuleFor(s => s.Cron).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("a schedule needs a cron expression (Quartz format, seconds first: \"0 30 7 ? * MON-FRI\")")
                .Custom((cron, context) =>
                {
                    if (calendar.ValidateCron(cron!) is { } problem)
                    {
                        context.AddFailure($"cron '{cron}' is not valid: {problem}");
                    }
                });
            schedule.RuleFor(s => s.TimeZone).Custom((zone, context) =>
            {
                if (zone is not null && calendar.ValidateTimeZone(zone) is { } problem)
                {
                    context.AddFailure(problem);
                }
            });
            schedule.RuleFor(s => s.Misfire).Must(value => value is null || MisfirePolicies.Contains(value))
                .WithMessage(s => $"misfire '{s.Misfire}' is not one of {string.Join(", ", MisfirePolicies)}");
            schedule.RuleFor(s => s.Overlap).Must(value => value is null || OverlapPolicies.Contains(value))
                .WithMessage(s => $"overlap '{s.Overlap}' is not one of {string.Join(", ", OverlapPolicies)}");
            schedule.RuleFor(s => s.MaxCatchUpRuns).InclusiveBetween(1, 1000).When(s => s.MaxCatchUpRuns is not null)
                .WithMessage("maxCatchUpRuns must be between 1 and 1000");
        }).When(robot => robot.Schedule is not null);

        RuleFor(robot => robot.Retry!).ChildRules(retry =>
        {
            retry.RuleFor(r => r.MaxAttempts).InclusiveBetween(1, 100).When(r => r.MaxAttempts is not null)
                .WithMessage("maxAttempts must be between 1 (no retry) and 100");
            retry.RuleFor(r => r.Delay).Must(BeDurationOrNull).WithMessage(r => Duration.Problem("delay", r.Delay, "00:00:30 or 30s"));
            retry.RuleFor(r => r.MaxDelay).Must(BeDurationOrNull).WithMessage(r => Duration.Problem("maxDelay", r.MaxDelay, "00:10:00 or 10m"));
            retry.RuleFor(r => r.BackoffFactor).InclusiveBetween(1, 100).When(r => r.BackoffFactor is not null)
                .WithMessage("backoffFactor must be between 1 (constant delay) and 100");
            retry.RuleFor(r => r.RetryOn).Must(value => value is null || RetryOnValues.Contains(value))
                .WithMessage(r => $"retryOn '{r.RetryOn}' is not one of {string.Join(", ", RetryOnValues)}");
            retry.RuleFor(r => r.ErrorPattern).NotEmpty().When(r => r.RetryOn == "errorPattern")
                .WithMessage("retryOn errorPattern needs an errorPattern (a regular expression matched against the error)");
            retry.RuleFor(r => r.ErrorPattern).Must(BeRegex).When(r => r.ErrorPattern is not null)
                .WithMessage(r => $"errorPattern '{r.ErrorPattern}' is not a valid regular expression");
        }).When(robot => robot.Retry is not null);

        RuleForEach(robot => robot.Notify!.To).EmailAddress().When(robot => robot.Notify?.To is not null)
            .OverridePropertyName("notify.to").WithMessage("'{PropertyValue}' is not an e-mail address");

        RuleFor(robot => robot.Steps).NotEmpty().WithMessage("a robot needs at least one step");
        RuleForEach(robot => robot.Steps).Custom((step, context) => CheckStep(step, context, registry));

        RuleFor(robot => robot).Custom((robot, context) =>
        {
            CheckExtraFields(robot, context, registry);
            CheckEnvironmentReferences(robot, context, environment);
        });
    }

    private static void CheckStep(StepSpec step, ValidationContext<RobotSpec> context, ExecutorRegistry registry)
    {
        var path = context.PropertyPath; // "Steps[3]"
        var executor = context.InstanceToValidate.Executor;
        if (string.IsNullOrWhiteSpace(step.Action))
        {
            context.AddFailure(new ValidationFailure($"{path}.action", "a step needs an \"action\""));
            return;
        }

        if (executor is null || registry.FindExecutor(executor) is null)
        {
            return; // the executor error says it all
        }

        var descriptor = registry.Describe(executor, step.Action);
        if (descriptor is null)
        {
            context.AddFailure(new ValidationFailure(
                $"{path}.action",
                $"unknown action '{step.Action}' for executor '{executor}'{Suggestions.DidYouMean(step.Action, registry.ActionNames(executor))}"));
            return;
        }

        var parameters = step.Parameters ?? [];
        foreach (var group in parameters.Keys.GroupBy(key => key, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
        {
            context.AddFailure(new ValidationFailure($"{path}.{group.Last()}", $"parameters {string.Join(" and ", group.Select(key => $"'{key}'"))} differ only in case: write the parameter once, as the action names it"));
        }

        if (descriptor.Parameters is null)
        {
            // Declared by its required parameters only: the rest is the action's own business.
            foreach (var required in descriptor.RequiredParameters.Where(required => !parameters.ContainsKey(required)))
            {
                context.AddFailure(new ValidationFailure($"{path}.{required}", $"action '{descriptor.Name}' needs \"{required}\""));
            }
        }
        else
        {
            var shared = registry.FindSharedAction(descriptor.Name) is null ? registry.FindExecutor(executor)!.StepParameters : [];
            foreach (var (key, message) in ParameterRules.Check(parameters, [.. descriptor.Parameters, .. shared], $"action '{descriptor.Name}'"))
            {
                context.AddFailure(new ValidationFailure($"{path}.{key}", message));
            }
        }

        if (step.Retry is { } retry)
        {
            if (retry.Attempts is < 1 or > 20)
            {
                context.AddFailure(new ValidationFailure($"{path}.retry.attempts", "a step's retry attempts must be between 1 and 20"));
            }

            if (!BeDurationOrNull(retry.Delay))
            {
                context.AddFailure(new ValidationFailure($"{path}.retry.delay", Duration.Problem("delay", retry.Delay, "00:00:02 or 2s")));
            }
        }
    }

    private static void CheckExtraFields(RobotSpec robot, ValidationContext<RobotSpec> context, ExecutorRegistry registry)
    {
        foreach (var (key, value) in robot.Extra ?? [])
        {
            if (key == "$schema")
            {
                continue;
            }

            if (string.Equals(key, robot.Executor, StringComparison.OrdinalIgnoreCase))
            {
                if (value.ValueKind != JsonValueKind.Object)
                {
                    context.AddFailure(new ValidationFailure(key, $"\"{key}\" holds the {key} executor's options and must be an object"));
                }
                else if (registry.FindExecutor(robot.Executor!)?.Options is { Count: > 0 } options)
                {
                    var settings = value.EnumerateObject().ToDictionary(property => property.Name, property => property.Value, StringComparer.Ordinal);
                    foreach (var (setting, message) in ParameterRules.Check(settings, options, $"the {key} block", "setting"))
                    {
                        context.AddFailure(new ValidationFailure($"{key}.{setting}", message));
                    }
                }

                continue;
            }

            var other = registry.ExecutorNames.FirstOrDefault(name => string.Equals(name, key, StringComparison.OrdinalIgnoreCase));
            context.AddFailure(new ValidationFailure(key, other is not null
                ? $"\"{key}\" holds the options of the {other} executor, but this robot's executor is '{robot.Executor}'"
                : $"unknown field '{key}'{Suggestions.DidYouMean(key, KnownRobotFields.Concat(registry.ExecutorNames))}"));
        }
    }

    private static void CheckEnvironmentReferences(RobotSpec robot, ValidationContext<RobotSpec> context, IEnvironmentReader environment)
    {
        for (var i = 0; i < (robot.Steps?.Count ?? 0); i++)
        {
            foreach (var (name, value) in robot.Steps![i].Parameters ?? [])
            {
                foreach (var syntax in StringsIn(value).Select(Interpolation.SyntaxProblem).OfType<string>().Take(1))
                {
                    context.AddFailure(new ValidationFailure($"steps[{i}].{name}", syntax));
                }

                foreach (var variable in StringsIn(value).SelectMany(Interpolation.EnvironmentReferences).Distinct())
                {
                    if (environment.Get(variable) is null)
                    {
                        context.AddFailure(new ValidationFailure($"steps[{i}].{name}", $"environment variable {variable} is not set (put it in .env or the environment)"));
                    }
                }
            }
        }
    }

    private static IEnumerable<string> StringsIn(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(StringsIn),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(property => StringsIn(property.Value)),
        _ => [],
    };

    private static bool BeDurationOrNull(string? text) => text is null || Duration.TryParse(text, out _);

    private static bool BeRegex(string? pattern)
    {
        try
        {
            _ = new Regex(pattern!, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex SlugPattern();
}
