namespace Vibe.Application.Executors.SharedActions;

/// <summary>{"action": "wait", "duration": "5s"}: pauses the robot.</summary>
public sealed class WaitAction : ISharedAction
{
    public ActionDescriptor Descriptor { get; } = new("wait", "Pause for a duration",
    [
        ParameterDescriptor.Duration("duration", "how long: 500ms, 5s, 2m, 00:00:05 or a number of seconds").IsRequired(),
    ]);

    public async ValueTask ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var duration = step.Parameters.GetDuration("duration", TimeSpan.Zero);
        await Task.Delay(duration, step.Time, cancellationToken);
    }
}
