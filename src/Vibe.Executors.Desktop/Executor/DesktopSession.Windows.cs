using System.Diagnostics;
using Vibe.Application.Executors;
using Vibe.Domain.Robots;
using Vibe.Domain.Runs;
using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Executor;

/// <summary>launch, attach, waitWindow, focus, close, and how a step finds its window.</summary>
internal sealed partial class DesktopSession
{
    private static readonly TimeSpan WindowTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    private async Task LaunchAsync(StepContext step, CancellationToken ct)
    {
        var program = step.Parameters.GetString("program");
        var arguments = step.Parameters.GetStringList("args");
        var folder = step.Parameters.GetOptionalString("workingDirectory");
        if (folder is not null && !Directory.Exists(folder))
        {
            throw Fail(step, $"parameter 'workingDirectory': folder '{folder}' does not exist");
        }

        // Secrets go through "env" and "stdin": arguments are visible to every local user.
        var environment = step.Parameters.GetStringMap("env");
        var input = step.Parameters.GetOptionalString("stdin");
        var pid = await _driver.LaunchAsync(new LaunchRequest(program, arguments, folder, environment, input), ct);
        _currentProcessId = pid;
        _currentWindow = null;
        step.Log($"started {program} (pid {pid}); its first window becomes the current window");
        if (step.Parameters.GetOptionalString("variable") is { } name)
        {
            step.Variables.Set(name, pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private async Task AttachAsync(StepContext step, CancellationToken ct)
    {
        var selector = WindowParameter(step, "window")!;
        var window = await WaitForWindowAsync(step, selector, Timeout(step, WindowTimeout), ct);
        MakeCurrent(window);
        if (step.Parameters.GetBool("focus", true))
        {
            await _driver.FocusWindowAsync(window, ct);
        }

        step.Log($"attached to window {window}");
    }

    private async Task WaitWindowAsync(StepContext step, CancellationToken ct)
    {
        var selector = WindowParameter(step, "window")!;
        var timeout = Timeout(step, WindowTimeout);
        var state = step.Parameters.GetChoice(DesktopActions.WindowState);
        switch (state)
        {
            case "open":
                var window = await WaitForWindowAsync(step, selector, timeout, ct);
                MakeCurrent(window);
                step.Log($"window {window} is open");
                break;
            case "closed":
                if (!await Poll.UntilTrueAsync(async c => await FindWindowAsync(selector, c) is null, timeout, Time, ct))
                {
                    throw Fail(step, $"window {selector} is still open after {Duration.Format(timeout)}");
                }

                step.Log($"no window matches {selector}");
                break;
            default:
                throw Fail(step, $"parameter 'state' must be open or closed, not '{state}'");
        }
    }

    private async Task FocusAsync(StepContext step, CancellationToken ct)
    {
        var window = await StepWindowAsync(step, ct);
        await _driver.FocusWindowAsync(window, ct);
        MakeCurrent(window);
        step.Log($"focused window {window}");
    }

    private async Task CloseAsync(StepContext step, CancellationToken ct)
    {
        var window = await StepWindowAsync(step, ct);
        var timeout = Timeout(step);
        await _driver.RequestCloseAsync(window, ct);
        if (await WaitGoneAsync(window, timeout, ct))
        {
            step.Log($"closed window {window}");
        }
        else
        {
            if (window.ProcessId <= 0 || window.ProcessId == Environment.ProcessId)
            {
                throw Fail(step, $"window {window} did not close within {Duration.Format(timeout)} and its process is unknown");
            }

            step.Log($"window {window} did not close within {Duration.Format(timeout)}; ending process {window.ProcessId}", RunLogLevel.Warning);
            Kill(window.ProcessId);
            if (!await WaitGoneAsync(window, KillWait, ct))
            {
                throw Fail(step, $"window {window} is still open after its process was ended");
            }
        }

        if (_currentWindow?.Handle == window.Handle)
        {
            _currentWindow = null;
            if (_currentProcessId == window.ProcessId)
            {
                _currentProcessId = null;
            }
        }
    }

    private void MakeCurrent(DesktopWindow window)
    {
        _currentWindow = window;
        _currentProcessId = window.ProcessId > 0 ? window.ProcessId : null;
    }

    /// <summary>The window a step's optional "window" parameter names, or the current one.</summary>
    private async Task<DesktopWindow> StepWindowAsync(StepContext step, CancellationToken ct) =>
        WindowParameter(step, "window") is { } selector
            ? await WaitForWindowAsync(step, selector, Timeout(step), ct)
            : await CurrentWindowAsync(step, Timeout(step), ct);

    /// <summary>The window of an element selector: its own window part, or the current window.</summary>
    private Task<DesktopWindow?> SelectorWindowAsync(DesktopSelector selector, CancellationToken ct) =>
        selector.Window is { } window ? FindWindowAsync(window, ct) : TryCurrentWindowAsync(ct);

    private WindowSelector? WindowParameter(StepContext step, string name)
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

    private async Task<DesktopWindow?> FindWindowAsync(WindowSelector selector, CancellationToken ct)
    {
        var matches = (await _driver.ListWindowsAsync(ct)).Where(window => window.IsVisible && selector.Matches(window)).ToList();
        return matches.Count > selector.Index ? matches[selector.Index] : null;
    }

    private async Task<DesktopWindow> WaitForWindowAsync(StepContext step, WindowSelector selector, TimeSpan timeout, CancellationToken ct)
    {
        var window = await Poll.UntilAsync(c => FindWindowAsync(selector, c), timeout, Time, ct);
        if (window is not null)
        {
            return window;
        }

        var open = (await _driver.ListWindowsAsync(ct)).Where(w => w.IsVisible).Take(12).Select(w => $"\"{w.Title}\" ({w.ProcessName})");
        throw Fail(step, $"no window matches {selector} after {Duration.Format(timeout)}; open windows: {string.Join(", ", open).OrDefault("none")}");
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
            : $"process {_currentProcessId} has shown no window after {Duration.Format(timeout)}");
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

        if (_currentProcessId is { } pid && windows.FirstOrDefault(window => window.IsVisible && window.ProcessId == pid) is { } first)
        {
            return _currentWindow = first;
        }

        return null;
    }

    private Task<bool> WaitGoneAsync(DesktopWindow window, TimeSpan timeout, CancellationToken ct) =>
        Poll.UntilTrueAsync(
            async c => (await _driver.ListWindowsAsync(c)).All(open => open.Handle != window.Handle),
            timeout,
            Time,
            ct);

    private static void Kill(int pid)
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
