using Vibe.Application.Common.Interfaces;
using Vibe.Infrastructure.Robots;

namespace Vibe.Client;

/// <summary>
/// The client's catalog: the robot files as they are now, read at each use. A program may run for days while robots
/// are edited; queueing is rare, so a read each time costs nothing and never queues a robot that is no longer declared.
/// </summary>
internal sealed class RobotFilesAsTheyAre(RobotFileLoader loader) : IRobotCatalog
{
    public ValueTask<RobotCatalogSnapshot> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(loader.Load());
}
