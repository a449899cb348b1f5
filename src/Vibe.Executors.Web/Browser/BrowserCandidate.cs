using Vibe.Executors.Web.Options;

namespace Vibe.Executors.Web.Browser;

/// <summary>One browser the launcher may start: Playwright's own (both null), a channel, or an executable.</summary>
internal sealed record BrowserCandidate(string Description, string? Channel, string? ExecutablePath)
{
    /// <summary>Where Chromium usually lives when the operating system's package manager installed it.</summary>
    private static readonly string[] SystemChromiumPaths =
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/snap/bin/chromium",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
    ];

    /// <summary>The browsers to try, in order, for <paramref name="choice"/>.</summary>
    public static IReadOnlyList<BrowserCandidate> For(BrowserChoice choice) => choice.Kind switch
    {
        BrowserKind.Playwright => [PlaywrightOwn],
        BrowserKind.Channel => [new($"channel {choice.Value}", choice.Value, null)],
        BrowserKind.ExecutablePath => [new(choice.Value!, null, choice.Value)],
        BrowserKind.SystemChromium => SystemChromium(),
        _ => [PlaywrightOwn, new("Microsoft Edge", "msedge", null), new("Google Chrome", "chrome", null), .. SystemChromium()],
    };

    private static BrowserCandidate PlaywrightOwn { get; } = new("Playwright's Chromium", null, null);

    private static List<BrowserCandidate> SystemChromium()
    {
        var found = SystemChromiumPaths.Where(File.Exists).Select(path => new BrowserCandidate(path, null, path)).ToList();
        return found.Count > 0 ? found : [new("Chromium (" + SystemChromiumPaths[0] + ")", null, SystemChromiumPaths[0])];
    }

    /// <summary>True when the candidate is an executable that is plainly not there, so launching is pointless.</summary>
    public bool IsMissingExecutable => ExecutablePath is not null && !File.Exists(ExecutablePath);
}
