namespace Vibe.Application.Executors;

/// <summary>
/// A step every executor understands because it needs no GUI: wait, log, run (a program), set (a variable).
/// </summary>
public interface ISharedAction
{
    ActionDescriptor Descriptor { get; }

    ValueTask ExecuteAsync(StepContext step, CancellationToken cancellationToken);
}
