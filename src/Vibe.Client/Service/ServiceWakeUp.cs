using Vibe.Application.Common.Interfaces;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Service;

/// <summary>
/// What `vibe run-now`, `vibe rerun` and the client do after queueing a run for a service in another process: touch a
/// wake file in the data folder, which the service watches (WakeRequestWatcher), so it claims the run at once rather
/// than at its next poll.
/// </summary>
public static class ServiceWakeUp
{
    internal const string FileName = "vibe.wake";

    /// <summary>Asks the service running for this data folder to look at the queue now. Never fails the caller.</summary>
    public static void Request(VibeLocations locations)
    {
        try
        {
            File.WriteAllText(Path.Combine(locations.DataDirectory, FileName), "");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The service still finds the run at its next poll.
        }
    }
}

/// <summary>The queue signal of a process without a worker (the client): wake the service of the data folder.</summary>
internal sealed class ServiceWakeUpSignal(VibeLocations locations) : IRunQueueSignal
{
    public void Notify() => ServiceWakeUp.Request(locations);
}
