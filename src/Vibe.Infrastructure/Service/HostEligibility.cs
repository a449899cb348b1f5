using Vibe.Application.Common.Interfaces;
using Vibe.Domain.Robots;

namespace Vibe.Infrastructure.Service;

/// <summary>Which robots this host must leave to others: those pinned ("hosts") to names or labels it does not have.</summary>
internal static class HostEligibility
{
    public static IReadOnlyCollection<string> Excluded(RobotCatalogSnapshot catalog, IHostIdentity host) =>
        catalog.Robots.Where(robot => !robot.MayRunOn(host.HostName, host.Labels)).Select(robot => robot.Name).ToList();
}
