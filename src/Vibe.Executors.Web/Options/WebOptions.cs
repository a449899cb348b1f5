namespace Vibe.Executors.Web.Options;

/// <summary>
/// A robot's browser settings after its "web" block, the VIBE_WEB_* environment values and the defaults
/// have been combined (the robot wins over the environment, the environment over the defaults).
/// </summary>
internal sealed record WebOptions
{
    public static readonly TimeSpan DefaultActionTimeout = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan DefaultNavigationTimeout = TimeSpan.FromSeconds(30);

    public required BrowserChoice Browser { get; init; }

    public bool Headless { get; init; } = true;

    public int ViewportWidth { get; init; } = 1280;

    public int ViewportHeight { get; init; } = 800;

    public string? Locale { get; init; }

    public string? TimeZone { get; init; }

    /// <summary>Extra command-line arguments: the environment's first, then the robot's.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    public TimeSpan ActionTimeout { get; init; } = DefaultActionTimeout;

    public TimeSpan NavigationTimeout { get; init; } = DefaultNavigationTimeout;

    /// <summary>A persistent profile directory (absolute); null for a fresh context on every run.</summary>
    public string? ProfileDirectory { get; init; }

    /// <summary>Whether a Playwright trace is recorded, to be kept only when a step fails.</summary>
    public bool Trace { get; init; } = true;

    /// <summary>The proxy (VIBE_WEB_PROXY), its credentials kept off the command line; null for none.</summary>
    public ProxySetting? Proxy { get; init; }

    /// <summary>The folder of the robot's file: relative paths in goto, upload and profile resolve here.</summary>
    public required string RobotFolder { get; init; }
}

/// <summary>A proxy server and the login it wants.</summary>
internal sealed record ProxySetting(string Server, string? User, string? Password)
{
    public Microsoft.Playwright.Proxy ToPlaywright() => new() { Server = Server, Username = User, Password = Password };
}

/// <summary>Which browser to start, and where the choice came from (for messages).</summary>
internal sealed record BrowserChoice(BrowserKind Kind, string? Value, string Source)
{
    public override string ToString() => Kind switch
    {
        BrowserKind.Auto => "auto",
        BrowserKind.Playwright => "Playwright's own Chromium",
        BrowserKind.SystemChromium => "the system's Chromium",
        BrowserKind.Channel => $"channel '{Value}'",
        _ => Value ?? "",
    };
}

internal enum BrowserKind
{
    /// <summary>Playwright's own browsers, then Edge, Chrome, the system's Chromium.</summary>
    Auto,

    /// <summary>The browsers Playwright installed itself (playwright install).</summary>
    Playwright,

    /// <summary>Chromium from the operating system (/usr/bin/chromium on Debian).</summary>
    SystemChromium,

    /// <summary>An installed branded browser Playwright knows by channel name: chrome, msedge, chrome-beta, ...</summary>
    Channel,

    /// <summary>A Chromium-family executable at a path.</summary>
    ExecutablePath,
}
