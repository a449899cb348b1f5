namespace Vibe.Application.Common.Interfaces;

/// <summary>Who this host is: the name runs record, and the labels robots may be pinned to.</summary>
public interface IHostIdentity
{
    string HostName { get; }

    IReadOnlyList<string> Labels { get; }
}
