using System.Diagnostics;
using Vibe.Application.Executors;
using Vibe.Domain.Robots;
using Vibe.Domain.Runs;
using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Executor;

/// <summary>The current window, and how a step finds its window.</summary>
internal sealed partial class DesktopSession
{
    internal static readonly TimeSpan WindowTimeout = TimeSpan.FromSeconds(30);
    internal static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long after a launch a window of another process is not taken while the launched program (still running)
    /// has shown no window yet: a slow program's window would otherwise lose to an older look-alike.
    /// </summary>
    internal static readonly TimeSpan LaunchSettle = TimeSpan.FromSeconds(15);

    private DateTimeOffset _lastLaunchAt = DateTimeOffset.MinValue;

    // Processes this run started, in order: their windows win a tie, and they are closed when the run ends.
    private readonly List<int> _launched = [];
    private readonly Dictionary<int, ProgramOutput> _outputs = [];

    /// <summary>A launch step started <paramref name="pid"/>: its first window becomes the current one.</summary>
    internal void Launched(int pid, ProgramOutput output)
    {
        _currentProcessId = pid;
        _currentWindow = null;
        _launched.Add(pid);
        _outputs[pid] = output;
        _lastLaunchAt = Time.GetUtcNow();
    }

    /// <summary>A close step closed <paramref name="window"/>: it is no longer current.</summary>
    internal void Forget(DesktopWindow window)
    {
        if (_currentWindow?.Handle == window.Handle)
        {
            _currentWindow = null;
            if (_currentProcessId == window.ProcessId)
            {
                _currentProcessId = null;
            }
        }
    }

    internal void MakeCurrent(DesktopWindow window)
    {
        _currentWindow = window;
        _currentProcessId = window.ProcessId > 0 ? window.ProcessId : null;
    }

    /// <summary>The window a step's optional "window" parameter names, or the current one.</summary>
    internal async Task<DesktopWindow> StepWindowAsync(StepContext step, CancellationToken ct) =>
        WindowParameter(step, "window") is { } selector
            ? await WaitForWindowAsync(step, selector, Timeout(step), ct)
            : await CurrentWindowAsync(step, Timeout(step), ct);

    /// <summary>The window of an element selector: its own window part, or the current window.</summary>
    private Task<DesktopWindow?> SelectorWindowAsync(DesktopSelector selector, CancellationToken ct) =>
        selector.Window is { } window ? FindWindowAsync(window, ct) : TryCurrentWindowAsync(ct);

    internal WindowSelector? WindowParameter(StepContext step, string name)
    {
        var text = step.Parameters.GetOptionalString(name);
        if (text is null || text.Equals("current", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return DesktopSelector.ParseWindow(text);
        }
        catch (SelectorSyntaxException ex)
        {
            throw Fail(step, $"parameter '{name}': {ex.Message}");
        }
    }

    /// <summary>
    /// The window <paramref name="selector"/> means, or null when none matches now. Of several matches the window of
    /// a process this run launched (or of its children) wins, then the newest process's; a tie is an error listing
    /// the candidates (as web's "2 elements match"), unless the selector picks by [index=n].
    /// </summary>
    internal async Task<DesktopWindow?> FindWindowAsync(WindowSelector selector, CancellationToken ct)
    {
        var windows = await _driver.ListWindowsAsync(ct);
        var matches = windows.Where(window => window.IsVisible && selector.Matches(window)).ToList();
        if (!selector.IndexGiven && matches.Count > 0 && !matches.Any(window => IsLaunchedByThisRun(window.ProcessId)) && LaunchedProgramStillStarting(windows))
        {
            // Not yet: the program this run just launched may be about to show the window the robot means.
            return null;
        }

        if (selector.IndexGiven || matches.Count <= 1)
        {
            return matches.Count > selector.Index ? matches[selector.Index] : null;
        }

        var ranked = matches
            .Select(window => (Window: window, Ours: IsLaunchedByThisRun(window.ProcessId), Started: ProcessFamily.StartedAt(window.ProcessId)))
            .OrderByDescending(candidate => candidate.Ours)
            .ThenByDescending(candidate => candidate.Started ?? DateTime.MinValue)
            .ToList();
        if (ranked[0].Ours != ranked[1].Ours || ranked[0].Started != ranked[1].Started)
        {
            return ranked[0].Window;
        }

        throw new DesktopDriverException(
            $"{matches.Count} windows match {selector} and none was launched by this run later than the others: " +
            $"{string.Join(", ", matches.Take(8))}; add [title=...] or [index=n] to the selector to pick one");
    }

    internal async Task<bool> AnyWindowMatchesAsync(WindowSelector selector, CancellationToken ct) =>
        (await _driver.ListWindowsAsync(ct)).Any(window => window.IsVisible && selector.Matches(window));

    private bool IsLaunchedByThisRun(int pid) => _launched.Count > 0 && ProcessFamily.DescendsFrom(pid, _launched);

    /// <summary>The latest launch was moments ago, its program still runs, and none of its family shows a window yet.</summary>
    private bool LaunchedProgramStillStarting(IReadOnlyList<DesktopWindow> windows) =>
        _launched.Count > 0
        && Time.GetUtcNow() - _lastLaunchAt < LaunchSettle
        && ProcessFamily.IsAlive(_launched[^1])
        && !windows.Any(window => window.IsVisible && ProcessFamily.DescendsFrom(window.ProcessId, [_launched[^1]]));

    internal async Task<DesktopWindow> WaitForWindowAsync(StepContext step, WindowSelector selector, TimeSpan timeout, CancellationToken ct)
    {
        var window = await Poll.UntilAsync(c => FindWindowAsync(selector, c), timeout, Time, ct);
        if (window is not null)
        {
            return window;
        }

        var open = (await _driver.ListWindowsAsync(ct)).Where(w => w.IsVisible).Take(12).Select(w => $"\"{w.Title}\" ({w.ProcessName})");
        var launched = _launched.Count == 0 ? "" : $"; this run launched {ProcessFamily.Describe(_launched[^1])}";
        throw Fail(step, $"no window matches {selector} after {Duration.Format(timeout)}; open windows: {string.Join(", ", open).OrDefault("none")}{launched}");
    }

    private async Task<DesktopWindow> CurrentWindowAsync(StepContext step, TimeSpan timeout, CancellationToken ct)
    {
        if (_currentWindow is null && _currentProcessId is null)
        {
            throw Fail(step, "there is no current window: start the selector with window[...] or add a launch or attach step before this one");
        }

        var window = await Poll.UntilAsync(TryCurrentWindowAsync, timeout, Time, ct);
        if (window is not null)
        {
            return window;
        }

        throw Fail(step, _currentWindow is { } gone
            ? $"the current window {gone} has closed; attach to a window first"
            : $"{(_currentProcessId is { } pid ? ProcessFamily.Describe(pid) : "the launched process")} showed no window in {Duration.Format(timeout)}");
    }

    /// <summary>The current window as it is now (moved, retitled), or the first window of the launched process.</summary>
    private async Task<DesktopWindow?> TryCurrentWindowAsync(CancellationToken ct)
    {
        if (_currentWindow is null && _currentProcessId is null)
        {
            return null;
        }

        var windows = await _driver.ListWindowsAsync(ct);
        if (_currentWindow is { } current)
        {
            if (windows.FirstOrDefault(window => window.Handle == current.Handle) is { } same)
            {
                return _currentWindow = same;
            }
        }

        // A wrapper script's window belongs to its child (or grandchild): the launched process's family counts.
        if (_currentProcessId is { } pid
            && (windows.FirstOrDefault(window => window.IsVisible && window.ProcessId == pid)
                ?? windows.FirstOrDefault(window => window.IsVisible && ProcessFamily.DescendsFrom(window.ProcessId, [pid]))) is { } first)
        {
            return _currentWindow = first;
        }

        return null;
    }

    internal Task<bool> WaitGoneAsync(DesktopWindow window, TimeSpan timeout, CancellationToken ct) =>
        Poll.UntilTrueAsync(
            async c => (await _driver.ListWindowsAsync(c)).All(open => open.Handle != window.Handle),
            timeout,
            Time,
            ct);

    internal static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
        }
    }
}

internal static class TextExtensions
{
    public static string OrDefault(this string text, string fallback) => text.Length == 0 ? fallback : text;
}
