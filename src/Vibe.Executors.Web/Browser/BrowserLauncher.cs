using Microsoft.Playwright;
using Vibe.Application.Executors;
using Vibe.Domain.Robots;
using Vibe.Domain.Runs;
using Vibe.Executors.Web.Options;

namespace Vibe.Executors.Web.Browser;

/// <summary>
/// Starts the browser a robot asked for (or the first one found, in auto mode) with a fresh context, or the
/// robot's persistent profile, and the settings every vibe browser gets.
/// </summary>
internal static class BrowserLauncher
{
    // These machines often have no network: without these Chromium keeps trying to reach update, sync and
    // field-trial servers, which fills logs with refused connections and slows start-up.
    private static readonly string[] QuietArgs =
        ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

    private static readonly TimeSpan LaunchTimeout = TimeSpan.FromSeconds(30);

    public static async Task<(LaunchedBrowser Browser, IPage Page)> LaunchAsync(
        WebOptions options, ExecutorContext context, CancellationToken cancellationToken)
    {
        RequireDisplay(options, context);
        var started = context.Time.GetTimestamp();
        var playwright = await FinishOrCleanUpAsync(Playwright.CreateAsync(), created => { created.Dispose(); return Task.CompletedTask; }, cancellationToken);
        LaunchedBrowser? launched = null;

        // Playwright keeps a trace's working files in a folder it never removes; giving it one of ours lets the
        // session delete it.
        var tracesFolder = Directory.CreateTempSubdirectory("vibe-web-traces-").FullName;
        try
        {
            var failures = new List<string>();
            foreach (var candidate in BrowserCandidate.For(options.Browser))
            {
                if (candidate.IsMissing(playwright))
                {
                    failures.Add($"{candidate.Description}: not installed");
                    continue;
                }

                try
                {
                    var launch = LaunchCandidateAsync(playwright, candidate, options, tracesFolder);
                    var (browser, browserContext) = await FinishOrCleanUpAsync(launch, CloseAsync, cancellationToken);
                    launched = new LaunchedBrowser(playwright, browser, browserContext, Describe(candidate, browser), tracesFolder);
                    break;
                }
                catch (PlaywrightException ex)
                {
                    var reason = IsNotInstalled(ex) ? "not installed"
                        : ex.Message.Contains("sandbox", StringComparison.OrdinalIgnoreCase) && Sandboxed
                            ? $"failed to start its sandbox (this system may not allow unprivileged user namespaces; see docs/web.md, Sandbox): {FirstLine(ex.Message)}"
                            : $"failed to start: {FirstLine(ex.Message)}";
                    failures.Add($"{candidate.Description}: {reason}");
                    context.Log.Write(RunLogLevel.Debug, null, $"browser {candidate.Description}: {reason}");
                }
            }

            if (launched is null)
            {
                throw new SessionUnavailableException(NoBrowserMessage(options, context.Robot, failures));
            }

            var page = await PrepareAsync(launched, options, context.Robot).WaitAsync(cancellationToken);
            context.Log.Write(
                RunLogLevel.Info,
                null,
                $"browser: {launched.Description}, {(options.Headless ? "headless" : "headed")}, {SandboxNote}, started in {Duration.Format(context.Time.GetElapsedTime(started))}");
            return (launched, page);
        }
        catch
        {
            if (launched is not null)
            {
                await launched.DisposeAsync();
            }
            else
            {
                playwright.Dispose();
                LaunchedBrowser.DeleteQuietly(tracesFolder);
            }

            throw;
        }
    }

    private static void RequireDisplay(WebOptions options, ExecutorContext context)
    {
        if (options.Headless || !OperatingSystem.IsLinux())
        {
            return;
        }

        if (string.IsNullOrEmpty(context.Variables.Environment.Get("DISPLAY"))
            && string.IsNullOrEmpty(context.Variables.Environment.Get("WAYLAND_DISPLAY")))
        {
            throw new SessionUnavailableException(
                $"robot '{context.Robot.Name}' wants a headed browser but there is no display (DISPLAY is not set): run it in a desktop session or under Xvfb, or set web.headless to true");
        }
    }

    private static async Task<(IBrowser? Browser, IBrowserContext Context)> LaunchCandidateAsync(
        IPlaywright playwright, BrowserCandidate candidate, WebOptions options, string tracesFolder)
    {
        var args = Arguments(options);
        var viewport = new ViewportSize { Width = options.ViewportWidth, Height = options.ViewportHeight };
        if (options.ProfileDirectory is { } profile)
        {
            Directory.CreateDirectory(profile);
            var persistent = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                Channel = candidate.Channel,
                ExecutablePath = candidate.ExecutablePath,
                Headless = options.Headless,
                Args = args,
                ChromiumSandbox = Sandboxed,
                Proxy = options.Proxy?.ToPlaywright(),
                Timeout = (float)LaunchTimeout.TotalMilliseconds,
                TracesDir = tracesFolder,
                ViewportSize = viewport,
                Locale = options.Locale,
                TimezoneId = options.TimeZone,
                AcceptDownloads = true,
            });
            return (null, persistent);
        }

        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            Channel = candidate.Channel,
            ExecutablePath = candidate.ExecutablePath,
            Headless = options.Headless,
            Args = args,
            ChromiumSandbox = Sandboxed,
            Proxy = options.Proxy?.ToPlaywright(),
            Timeout = (float)LaunchTimeout.TotalMilliseconds,
            TracesDir = tracesFolder,
        });
        try
        {
            var browserContext = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = viewport,
                Locale = options.Locale,
                TimezoneId = options.TimeZone,
                AcceptDownloads = true,
            });
            return (browser, browserContext);
        }
        catch
        {
            await browser.CloseAsync();
            throw;
        }
    }

    /// <summary>
    /// Chromium's sandbox keeps a page that exploits the renderer away from the account's files. It is on, except as
    /// root, where Chromium refuses to start it (the session line says so). Playwright turns it off unless asked.
    /// </summary>
    private static bool Sandboxed => !Environment.IsPrivilegedProcess;

    private static string SandboxNote => Sandboxed ? "sandboxed" : "sandbox off (vibe runs as root)";

    private static List<string> Arguments(WebOptions options)
    {
        var args = new List<string>(QuietArgs);
        if (OperatingSystem.IsLinux())
        {
            // Containers give /dev/shm 64 MB, too little for Chromium's shared memory on large pages.
            args.Add("--disable-dev-shm-usage");
        }

        args.AddRange(options.Args);
        return args;
    }

    private static async Task<IPage> PrepareAsync(LaunchedBrowser launched, WebOptions options, RobotDefinition robot)
    {
        var context = launched.Context;
        context.SetDefaultTimeout((float)options.ActionTimeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)options.NavigationTimeout.TotalMilliseconds);
        if (options.Trace)
        {
            await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true, Title = robot.Name });
        }

        // A persistent profile opens with a blank tab already; use it rather than leaving it behind.
        return context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
    }

    /// <summary>
    /// Playwright's calls cannot be interrupted. When the run is cancelled mid-call, this returns at once to the
    /// caller's catch, but first lets the call finish (a launch takes about a second) and closes what it started,
    /// so that no browser outlives a cancelled run.
    /// </summary>
    private static async Task<T> FinishOrCleanUpAsync<T>(Task<T> work, Func<T, Task> cleanUp, CancellationToken cancellationToken)
    {
        try
        {
            return await work.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            try
            {
                await cleanUp(await work.WaitAsync(LaunchTimeout + TimeSpan.FromSeconds(5), CancellationToken.None));
            }
            catch (Exception)
            {
                // The launch itself failed or hung: nothing was started that the driver's exit will not end.
            }

            throw;
        }
    }

    private static async Task CloseAsync((IBrowser? Browser, IBrowserContext Context) launched)
    {
        if (launched.Browser is { } browser)
        {
            await browser.CloseAsync();
        }
        else
        {
            await launched.Context.CloseAsync();
        }
    }

    private static string Describe(BrowserCandidate candidate, IBrowser? browser)
    {
        var version = browser?.Version;
        return version is null ? candidate.Description : $"{candidate.Description} {version}";
    }

    private static bool IsNotInstalled(PlaywrightException ex) =>
        ex.Message.Contains("doesn't exist", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("is not found", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("not installed", StringComparison.OrdinalIgnoreCase);

    private static string NoBrowserMessage(WebOptions options, RobotDefinition robot, List<string> failures)
    {
        const string Install =
            "install Chromium (Debian/Ubuntu: apt-get install chromium), Google Chrome or Microsoft Edge, or set VIBE_WEB_BROWSER to the path of a Chromium-family browser";
        var tried = string.Join("; ", failures);
        return options.Browser.Kind switch
        {
            BrowserKind.Auto => $"no browser for robot '{robot.Name}' ({tried}): {Install}",
            BrowserKind.Playwright =>
                $"robot '{robot.Name}' cannot start {options.Browser} (from {options.Browser.Source}): {tried}; run `pwsh playwright.ps1 install chromium` in vibe's folder (needs the internet), or choose another browser",
            _ => $"robot '{robot.Name}' cannot start {options.Browser} (from {options.Browser.Source}): {tried}; {Install}",
        };
    }

    internal static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        var colon = line.IndexOf(": ", StringComparison.Ordinal);

        // Playwright prefixes the API call ("BrowserType.LaunchAsync: ..."), which tells an operator nothing.
        return colon > 0 && line[..colon].Contains('.', StringComparison.Ordinal) && !line[..colon].Contains(' ', StringComparison.Ordinal)
            ? line[(colon + 2)..]
            : line;
    }
}
