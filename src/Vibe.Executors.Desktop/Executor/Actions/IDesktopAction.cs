using Vibe.Application.Executors;

namespace Vibe.Executors.Desktop.Executor.Actions;

/// <summary>
/// One of the desktop executor's actions: its typed description (what validate, the schema and the docs read)
/// and its code, side by side so the two cannot drift apart.
/// </summary>
internal interface IDesktopAction
{
    ActionDescriptor Descriptor { get; }

    /// <summary>
    /// Does the step in <paramref name="session"/>. Throws <see cref="StepFailedException"/> (through
    /// <see cref="DesktopSession.Fail"/>) for a failure the operator should read; driver errors are translated by the session.
    /// </summary>
    Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken cancellationToken);
}
