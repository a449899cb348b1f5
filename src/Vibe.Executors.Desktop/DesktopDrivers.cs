using System.Runtime.InteropServices;
using Vibe.Application.Executors;
using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop;

/// <summary>Picks the backend for this operating system among the registered ones and opens it.</summary>
public sealed class DesktopDrivers
{
    private readonly IReadOnlyList<IDesktopDriverFactory> _factories;

    public DesktopDrivers(IEnumerable<IDesktopDriverFactory> factories)
    {
        _factories = factories.ToList();
    }

    /// <summary>The backend this machine would use, or null when none fits.</summary>
    public IDesktopDriverFactory? Current => _factories.FirstOrDefault(factory => factory.IsSupported);

    /// <summary>Opens a driver; throws <see cref="SessionUnavailableException"/> when there is no backend or no desktop.</summary>
    public ValueTask<IDesktopDriver> OpenAsync(DesktopDriverOptions options, CancellationToken cancellationToken)
    {
        var factory = Current ?? throw new SessionUnavailableException(
            $"desktop automation has no backend for {RuntimeInformation.OSDescription} " +
            $"(available: {(_factories.Count == 0 ? "none" : string.Join(", ", _factories.Select(f => f.Backend)))})");
        return factory.OpenAsync(options, cancellationToken);
    }
}
