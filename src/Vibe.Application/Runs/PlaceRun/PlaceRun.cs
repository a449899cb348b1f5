using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Services;
using Vibe.Application.Services.GetServiceStatus;
using Vibe.Domain.Robots;

namespace Vibe.Application.Runs.PlaceRun;

/// <summary>What the operator asked for: let the store decide, run in this session, or queue whatever the hosts.</summary>
public enum PlacementMode
{
    Auto,
    Here,
    Queue,
}

public enum Placement
{
    /// <summary>Queue the run: a live service that may run the robot takes it (or, forced, the next one that starts).</summary>
    Queue,

    /// <summary>Run it in the asker's own session (this host may run it and no live service may, or --here).</summary>
    RunHere,

    /// <summary>Nothing is run or queued: no live service may run the robot and the asker may not (or cannot) run it.</summary>
    NoEligibleHost,
}

/// <summary>
/// Where a run a person asks for (run now, rerun) should go, decided from the store, so the CLI on any machine and the
/// dashboard answer alike: queued when a live service may run the robot (the pinning rule, <see cref="HostPins"/>,
/// and the liveness rule, <see cref="ServiceLiveness"/>); else run here when the asker can and this host may; else
/// not at all, with the reason. Nothing is written.
/// </summary>
/// <param name="Robot">The robot's name, as declared.</param>
/// <param name="Mode">Auto, or what the operator forced (`--here`, `--queue`).</param>
/// <param name="CanRunHere">Whether the asker can run the robot in its own session: the CLI can, the dashboard cannot.</param>
public sealed record PlaceRun(string Robot, PlacementMode Mode = PlacementMode.Auto, bool CanRunHere = true) : IQuery<RunPlacement>
{
    public TimeSpan StaleAfter { get; init; } = ServiceLiveness.StaleAfter;
}

/// <param name="Robot">The robot's name as declared.</param>
/// <param name="Pins">The robot's "hosts"; empty: any host.</param>
/// <param name="Eligible">The live services that may run the robot.</param>
/// <param name="Live">Every live service.</param>
/// <param name="Reason">One line saying why, for <see cref="Placement.NoEligibleHost"/> and for a forced queue nobody takes yet; else null.</param>
public sealed record RunPlacement(
    string Robot,
    Placement Decision,
    IReadOnlyList<string> Pins,
    IReadOnlyList<ServiceStatus> Eligible,
    IReadOnlyList<ServiceStatus> Live,
    bool ThisHostMayRun,
    string? Reason)
{
    /// <summary>The services that may take the run, as "host-b (pid 42)", for the answer that it was queued.</summary>
    public string EligibleText => string.Join(", ", Eligible.Select(service => $"{service.Host} (pid {service.ProcessId})"));
}

public sealed class PlaceRunHandler(IVibeDbContext db, IRobotCatalog catalog, IHostIdentity host, TimeProvider time)
    : IQueryHandler<PlaceRun, RunPlacement>
{
    public async ValueTask<RunPlacement> Handle(PlaceRun query, CancellationToken cancellationToken)
    {
        var robots = await catalog.GetAsync(cancellationToken);
        var robot = robots.Find(query.Robot)
            ?? throw VibeException.NotFound($"no robot named '{query.Robot}' (see vibe list-robots)");
        var live = (await db.ServiceInstances.AsNoTracking()
                .Alive(time.GetUtcNow().UtcDateTime, query.StaleAfter)
                .OrderBy(service => service.HostName)
                .ToListAsync(cancellationToken))
            .Select(ServiceStatus.From)
            .ToList();
        var eligible = live.Where(service => robot.MayRunOn(service.Host, service.Labels)).ToList();
        var hereMay = robot.MayRunOn(host.HostName, host.Labels);

        var decision = query.Mode switch
        {
            PlacementMode.Here => Placement.RunHere,
            PlacementMode.Queue => Placement.Queue,
            _ when eligible.Count > 0 => Placement.Queue,
            _ when query.CanRunHere && hereMay => Placement.RunHere,
            _ => Placement.NoEligibleHost,
        };
        var reason = decision == Placement.NoEligibleHost || (decision == Placement.Queue && eligible.Count == 0)
            ? NobodyAlive(robot, live, query.CanRunHere && query.Mode == PlacementMode.Auto ? host.HostName : null)
            : null;
        return new RunPlacement(robot.Name, decision, robot.Hosts, eligible, live, hereMay, reason);
    }

    /// <summary>"no live vibe service may run 'x' (pinned to "hosts": a, b); live services: c [labels], d; this host e may not either".</summary>
    private static string NobodyAlive(RobotDefinition robot, IReadOnlyList<ServiceStatus> live, string? thisHost)
    {
        var pins = robot.Hosts.Count == 0 ? "" : $" (pinned to \"hosts\": {string.Join(", ", robot.Hosts)})";
        var services = live.Count == 0
            ? "no vibe service is running"
            : "live services: " + string.Join(", ", live.Select(service => service.Labels.Count == 0 ? service.Host : $"{service.Host} [{string.Join(", ", service.Labels)}]"));
        var here = thisHost is null ? "" : $"; this host ({thisHost}) may not run it either";
        return $"no live vibe service may run '{robot.Name}'{pins}; {services}{here}";
    }
}
