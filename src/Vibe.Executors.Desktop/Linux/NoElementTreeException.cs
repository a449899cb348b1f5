using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Linux;

/// <summary>A window AT-SPI knows nothing about, so the driver can add what it knows of the display.</summary>
internal sealed class NoElementTreeException(string message) : DesktopDriverException(message);
