namespace Vibe.Application.Runs;

/// <summary>How long a claimed run stays reserved for its worker without a heartbeat.</summary>
public sealed class RunLeaseOptions
{
    /// <summary>Lease length; the worker renews it at a third of this. Default 60 s.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(60);
}
