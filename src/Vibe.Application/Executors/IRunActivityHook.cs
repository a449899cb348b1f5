namespace Vibe.Application.Executors;

/// <summary>
/// Something that must happen while, and only while, a robot is running (the desktop keep-alive that stops
/// the session from locking). Begun before the first step and disposed after the last, for every executor.
/// </summary>
public interface IRunActivityHook
{
    ValueTask<IAsyncDisposable> BeginAsync(ExecutorContext context, CancellationToken cancellationToken);
}
