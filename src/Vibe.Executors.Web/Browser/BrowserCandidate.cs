using Microsoft.Playwright;
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

    /// <summary>
    /// True when the browser is plainly not installed, so it is not launched at all: a launch that fails for a
    /// missing executable still leaves Playwright's temporary folders behind, one pair per attempt.
    /// </summary>
    public bool IsMissing(IPlaywright playwright)
    {
        if (ExecutablePath is not null)
        {
            return !File.Exists(ExecutablePath);
        }

        if (Channel is not null)
        {
            var known = KnownChannelPaths(Channel);
            return known.Count > 0 && !known.Any(File.Exists);
        }

        return !PlaywrightBrowserInstalled(playwright.Chromium.ExecutablePath);
    }

    private static List<BrowserCandidate> SystemChromium()
    {
        var found = SystemChromiumPaths.Where(File.Exists).Select(path => new BrowserCandidate(path, null, path)).ToList();
        return found.Count > 0 ? found : [new(SystemChromiumPaths[0], null, SystemChromiumPaths[0])];
    }

    /// <summary>
    /// Playwright installs Chromium in a revision folder (ms-playwright/chromium-1248/...) and, for headless runs,
    /// a headless shell beside it (chromium_headless_shell-1248); either one means it is there.
    /// </summary>
    private static bool PlaywrightBrowserInstalled(string executablePath)
    {
        if (File.Exists(executablePath))
        {
            return true;
        }

        for (var folder = Path.GetDirectoryName(executablePath); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var name = Path.GetFileName(folder);
            if (name.StartsWith("chromium-", StringComparison.Ordinal))
            {
                var shell = Path.Combine(Path.GetDirectoryName(folder)!, "chromium_headless_shell-" + name["chromium-".Length..]);
                return Directory.Exists(shell);
            }
        }

        return false;
    }

    /// <summary>Where the stable Chrome and Edge install themselves; empty when unknown (Playwright then decides).</summary>
    private static List<string> KnownChannelPaths(string channel)
    {
        if (OperatingSystem.IsLinux())
        {
            return channel switch
            {
                "chrome" => ["/opt/google/chrome/chrome"],
                "msedge" => ["/opt/microsoft/msedge/msedge"],
                _ => [],
            };
        }

        if (OperatingSystem.IsMacOS())
        {
            return channel switch
            {
                "chrome" => ["/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"],
                "msedge" => ["/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"],
                _ => [],
            };
        }

        if (OperatingSystem.IsWindows())
        {
            var roots = new[] { "ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA" }
                .Select(Environment.GetEnvironmentVariable)
                .Where(root => !string.IsNullOrEmpty(root))
                .ToList();
            var relative = channel switch
            {
                "chrome" => @"Google\Chrome\Application\chrome.exe",
                "msedge" => @"Microsoft\Edge\Application\msedge.exe",
                _ => null,
            };
            return relative is null ? [] : roots.Select(root => Path.Combine(root!, relative)).ToList();
        }

        return [];
    }
}
