using Vibe.Application.Common.Interfaces;
using Vibe.Domain.Robots;

namespace Vibe.Infrastructure.Service;

/// <summary>Which robots this host must leave to others: those pinned ("hosts") to names or labels it does not have.</summary>
internal static class HostEligibility
{
    public static bool MayRun(RobotDefinition robot, IHostIdentity host) =>
        robot.Hosts.Count == 0
        || robot.Hosts.Any(allowed => string.Equals(allowed, host.HostName, StringComparison.OrdinalIgnoreCase)
                                      || host.Labels.Contains(allowed, StringComparer.OrdinalIgnoreCase));

    public static IReadOnlyCollection<string> Excluded(RobotCatalogSnapshot catalog, IHostIdentity host) =>
        catalog.Robots.Where(robot => !MayRun(robot, host)).Select(robot => robot.Name).ToList();
}
