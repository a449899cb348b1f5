using Vibe.Application.Common.Interfaces;

namespace Vibe.Infrastructure.Configuration;

/// <summary>This host's identity: VIBE_HOST_NAME (default: the machine name) and VIBE_HOST_LABELS (comma-separated).</summary>
public sealed class HostOptions
{
    public const string Section = "Host";

    public string? Name { get; set; }

    public string? Labels { get; set; }
}

internal sealed class HostIdentity : IHostIdentity
{
    public HostIdentity(HostOptions options)
    {
        HostName = string.IsNullOrWhiteSpace(options.Name) ? Environment.MachineName : options.Name.Trim();
        Labels = Vibe.Domain.Services.HostLabels.Parse(options.Labels);
    }

    public string HostName { get; }

    public IReadOnlyList<string> Labels { get; }
}
