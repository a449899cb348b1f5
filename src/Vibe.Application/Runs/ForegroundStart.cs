using Vibe.Application.Common.Interfaces;
using Vibe.Domain.Robots;
using Vibe.Domain.Runs;

namespace Vibe.Application.Runs;

/// <summary>
/// Starts a run on this host as it is inserted, for `vibe run-now` / `rerun` in the foreground: the row is never
/// Pending, so a live service sharing the store cannot claim it first. The lease is the worker's; a foreground that dies
/// before the run ends leaves it to the sweep, as a dead worker does.
/// </summary>
/// <remarks>A program using vibe as a library (Vibe.Client) has no host identity: it only queues, never starts.</remarks>
public sealed class ForegroundStart(RunLeaseOptions lease, IHostIdentity? host = null)
{
    public void Start(TaskRun run, RobotDefinition robot, DateTime now)
    {
        var name = host?.HostName ?? throw new InvalidOperationException("a run can be started here only by vibe itself, which knows this host's name");
        run.Start(name, now, now + lease.Duration, robot.DefinitionHash);
    }
}
