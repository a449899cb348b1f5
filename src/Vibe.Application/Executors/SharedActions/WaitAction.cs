namespace Vibe.Application.Executors.SharedActions;

/// <summary>{"action": "wait", "duration": "5s"}: pauses the robot.</summary>
public sealed class WaitAction : ISharedAction
{
    public ActionDescriptor Descriptor { get; } = new("wait", "Pause for a duration", "duration");

    public async ValueTask ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var duration = step.Parameters.GetDuration("duration", TimeSpan.Zero);
        await Task.Delay(duration, step.Time, cancellationToken);
    }
}
