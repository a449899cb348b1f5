namespace Vibe.Domain.Services;

/// <summary>A running vibe service on one host, kept alive by its heartbeat; `vibe status` reads it.</summary>
public sealed class ServiceInstance
{
    public ServiceInstance(string hostName, int processId, DateTime startedAt, string? labels = null)
    {
        HostName = hostName;
        Labels = labels;
        ProcessId = processId;
        StartedAt = startedAt;
        HeartbeatAt = startedAt;
    }

    public long Id { get; private set; }

    public string HostName { get; private set; }

    public int ProcessId { get; private set; }

    /// <summary>The host's labels (VIBE_HOST_LABELS), comma-separated; robots may be pinned to them.</summary>
    public string? Labels { get; private set; }

    public DateTime StartedAt { get; private set; }

    public DateTime HeartbeatAt { get; private set; }

    public DateTime? StoppedAt { get; private set; }

    public long? CurrentRunId { get; private set; }

    public void Beat(DateTime now, long? currentRunId)
    {
        HeartbeatAt = now;
        CurrentRunId = currentRunId;
    }

    public void Stop(DateTime now)
    {
        StoppedAt = now;
        CurrentRunId = null;
    }

    public bool IsAlive(DateTime now, TimeSpan staleAfter) => StoppedAt is null && now - HeartbeatAt < staleAfter;
}
