using System.Globalization;
using Vibe.Application.Executors;
using Vibe.Domain.Runs;
using Vibe.Executors.Desktop.Driver;
using static Vibe.Application.Executors.ParameterDescriptor;

namespace Vibe.Executors.Desktop.Executor.Actions;

/// <summary>{"action": "launch", "program": "mousepad"}: starts a program; its first window becomes the current one.</summary>
internal sealed class LaunchAction : IDesktopAction
{
    public ActionDescriptor Descriptor { get; } = new("launch", "Start a program; its first window becomes the current one",
    [
        Text("program", "the program: a name on the PATH or a path").IsRequired(),
        List("args", "its arguments (visible to every local user: no secrets)"),
        Text("workingDirectory", "the folder it starts in"),
        Map("env", "variables for the program; values may be ${env:NAME} (not visible to other users)"),
        Text("stdin", "text written to the program's input, which is then closed"),
        Variable("variable", "gets the process id"),
    ]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var program = step.Parameters.GetString("program");
        var arguments = step.Parameters.GetStringList("args");
        var folder = step.Parameters.GetOptionalString("workingDirectory");
        if (folder is not null && !Directory.Exists(folder))
        {
            throw DesktopSession.Fail(step, $"parameter 'workingDirectory': folder '{folder}' does not exist");
        }

        // Secrets go through "env" and "stdin": arguments are visible to every local user.
        var environment = step.Parameters.GetStringMap("env");
        var input = step.Parameters.GetOptionalString("stdin");
        var output = new ProgramOutput(program);
        var pid = await session.Driver.LaunchAsync(new LaunchRequest(program, arguments, folder, environment, input) { Output = output.Add }, ct);
        session.Launched(pid, output);
        step.Log($"started {program} (pid {pid}); its first window becomes the current window");
        if (step.Parameters.GetOptionalString("variable") is { } name)
        {
            step.Variables.Set(name, pid.ToString(CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>{"action": "attach", "window": "window[title*='Notepad']"}: waits for a window and makes it current.</summary>
internal sealed class AttachAction : IDesktopAction
{
    public ActionDescriptor Descriptor { get; } = new("attach", "Wait for a window (title, process, class) and make it the current window",
    [
        Selector("window", "the window: window[title*='Notepad']").IsRequired(),
        Boolean("focus", "bring it to the front").DefaultsTo("true"),
    ]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var selector = session.WindowParameter(step, "window")!;
        var window = await session.WaitForWindowAsync(step, selector, session.Timeout(step, DesktopSession.WindowTimeout), ct);
        session.MakeCurrent(window);
        if (step.Parameters.GetBool("focus", true))
        {
            await session.Driver.FocusWindowAsync(window, ct);
        }

        step.Log($"attached to window {window}");
    }
}

/// <summary>{"action": "waitWindow", "window": "window[title='Save As']", "state": "closed"}.</summary>
internal sealed class WaitWindowAction : IDesktopAction
{
    private static readonly ParameterDescriptor State =
        Choice("state", "open: the window becomes current; closed: wait until it is gone", "open", "closed").DefaultsTo("open");

    public ActionDescriptor Descriptor { get; } = new("waitWindow", "Wait until a window is open (state: open) or gone (state: closed); an open one becomes current",
        [Selector("window", "the window").IsRequired(), State]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var selector = session.WindowParameter(step, "window")!;
        var timeout = session.Timeout(step, DesktopSession.WindowTimeout);
        var state = step.Parameters.GetChoice(State);
        switch (state)
        {
            case "open":
                var window = await session.WaitForWindowAsync(step, selector, timeout, ct);
                session.MakeCurrent(window);
                step.Log($"window {window} is open");
                break;
            case "closed":
                if (!await Poll.UntilTrueAsync(async c => !await session.AnyWindowMatchesAsync(selector, c), timeout, session.Time, ct))
                {
                    throw DesktopSession.Fail(step, $"window {selector} is still open after {Vibe.Domain.Robots.Duration.Format(timeout)}");
                }

                step.Log($"no window matches {selector}");
                break;
            default:
                throw DesktopSession.Fail(step, $"parameter 'state' must be open or closed, not '{state}'");
        }
    }
}

/// <summary>{"action": "focus"}: brings a window (default: the current one) to the front.</summary>
internal sealed class FocusAction : IDesktopAction
{
    public ActionDescriptor Descriptor { get; } = new("focus", "Bring a window (default: the current one) to the front with keyboard focus", [DesktopActions.OptionalWindow]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var window = await session.StepWindowAsync(step, ct);
        await session.Driver.FocusWindowAsync(window, ct);
        session.MakeCurrent(window);
        step.Log($"focused window {window}");
    }
}

/// <summary>{"action": "close"}: asks a window to close, then ends its process when it does not within the timeout.</summary>
internal sealed class CloseAction : IDesktopAction
{
    public ActionDescriptor Descriptor { get; } = new("close", "Close a window politely, then end its process after timeout (the log says so)",
        [DesktopActions.OptionalWindow, Boolean("kill", "false: fail instead of ending a program that does not close (unsaved work, a dialog)").DefaultsTo("true")]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var window = await session.StepWindowAsync(step, ct);
        var timeout = session.Timeout(step);
        await session.Driver.RequestCloseAsync(window, ct);
        if (await session.WaitGoneAsync(window, timeout, ct))
        {
            step.Log($"closed window {window}");
        }
        else
        {
            if (window.ProcessId <= 0 || window.ProcessId == Environment.ProcessId)
            {
                throw DesktopSession.Fail(step, $"window {window} did not close within {Vibe.Domain.Robots.Duration.Format(timeout)} and its process is unknown");
            }

            if (!step.Parameters.GetBool("kill", true))
            {
                throw DesktopSession.Fail(step, $"window {window} did not close within {Vibe.Domain.Robots.Duration.Format(timeout)} (a dialog or unsaved work?); \"kill\": false leaves it open");
            }

            DesktopSession.Kill(window.ProcessId);
            if (!await session.WaitGoneAsync(window, DesktopSession.KillWait, ct))
            {
                throw DesktopSession.Fail(step, $"window {window} is still open after its process was ended");
            }

            step.Log(
                $"window {window} did not close within {Vibe.Domain.Robots.Duration.Format(timeout)}, so its process {window.ProcessId} was ended: unsaved work is lost",
                RunLogLevel.Warning);
        }

        session.Forget(window);
    }
}
