using System.Runtime.Versioning;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows.Input;
using Vibe.Executors.Desktop.Windows.Interop;
using Vibe.Executors.Desktop.Windows.KeepAlive;
using Vibe.Executors.Desktop.Windows.Processes;
using Vibe.Executors.Desktop.Windows.Screen;
using Vibe.Executors.Desktop.Windows.Session;
using Vibe.Executors.Desktop.Windows.Uia;
using Vibe.Executors.Desktop.Windows.Win32;

namespace Vibe.Executors.Desktop.Windows;

/// <summary>
/// The Windows backend of <see cref="IDesktopDriver"/>: UI Automation (UIA3, bound with source-generated COM)
/// for elements (or Win32 window messages for <c>win32:</c> selectors, see <see cref="Win32Controls"/>), SendInput for mouse and keyboard, GDI for capture, EnumWindows for windows. UIA calls run on
/// one MTA thread of the driver's own; input, window and capture calls are thread-agnostic Win32 and run inline.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsDesktopDriver : IDesktopDriver
{
    private readonly DesktopDriverOptions _options;
    private readonly List<System.Diagnostics.Process> _launched = [];
    private ComThread? _com;
    private UiaClient? _uia;

    public WindowsDesktopDriver(DesktopDriverOptions options)
    {
        _options = options;
    }

    public string Backend => "windows";

    public ValueTask<DesktopSessionInfo> CheckSessionAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(WindowsSessionRules.Assess(WindowsSessionProbe.Read()));
    }

    public ValueTask<int> LaunchAsync(LaunchRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var process = WindowsWindows.Launch(request);

        request.Drain(process);
        lock (_launched)
        {
            _launched.Add(process);
        }

        return ValueTask.FromResult(process.Id);
    }

    public ValueTask<IReadOnlyList<DesktopWindow>> ListWindowsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(WindowsWindows.List());
    }

    public ValueTask FocusWindowAsync(DesktopWindow window, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        WindowsWindows.Focus((nint)window.Handle);
        return ValueTask.CompletedTask;
    }

    public ValueTask RequestCloseAsync(DesktopWindow window, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        WindowsWindows.RequestClose((nint)window.Handle);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<IReadOnlyList<DesktopElement>> FindElementsAsync(
        DesktopWindow window, DesktopElement? scope, ElementSelector selector, int limit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (selector.Framework == ElementFramework.Win32 || (selector.Framework == ElementFramework.Default && scope is Win32Element))
        {
            var win32Scope = scope switch
            {
                null => null,
                Win32Element own => own,
                _ => throw new DesktopDriverException($"{selector} is a win32: step inside {scope}, which UI Automation found; start the path with win32: too"),
            };
            return Win32Controls.Find(window, win32Scope, selector, limit);
        }

        if (scope is Win32Element)
        {
            throw new DesktopDriverException($"{selector} is a uia: step inside {scope}, which win32: found; UI Automation cannot search inside a Win32 control");
        }

        var within = scope is null ? null : Own(scope);
        return await OnUiaAsync(uia => uia.FindElements(window, within, selector, limit), cancellationToken);
    }

    public async ValueTask<ElementInfo> DescribeAsync(DesktopElement element, CancellationToken cancellationToken) =>
        element is Win32Element control ? Win32Controls.Describe(control) : await OnUiaAsync(uia => uia.Describe(Own(element)), cancellationToken);

    /// <summary>
    /// UI Automation's tree; the window's Win32 controls instead when the robot's framework is win32, or when UI
    /// Automation cannot give one (missing, as under Wine, or turned off): then the reader still sees the controls,
    /// with <c>win32:</c> selectors that reach them.
    /// </summary>
    public async ValueTask<ElementNode> GetElementTreeAsync(DesktopWindow window, int maxDepth, CancellationToken cancellationToken)
    {
        if (_options.Framework == ElementFramework.Win32)
        {
            return Win32Controls.Tree(window, maxDepth);
        }

        try
        {
            return await OnUiaAsync(uia => uia.Tree(window, maxDepth), cancellationToken);
        }
        catch (DesktopDriverException uiaFailed)
        {
            return Win32Controls.Tree(window, maxDepth) with { Note = $"the window's Win32 controls (no UI Automation tree: {uiaFailed.Message})" };
        }
    }

    public async ValueTask<bool> TryInvokeAsync(DesktopElement element, CancellationToken cancellationToken) =>
        element is Win32Element control ? Win32Controls.TryInvoke(control) : await OnUiaAsync(uia => uia.TryInvoke(Own(element)), cancellationToken);

    public async ValueTask FocusElementAsync(DesktopElement element, CancellationToken cancellationToken)
    {
        if (element is Win32Element control)
        {
            Win32Controls.Focus(control);
            return;
        }

        await OnUiaAsync(uia =>
        {
            uia.Focus(Own(element));
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// ValuePattern.SetValue where the element has it; otherwise (rich edits such as Windows 11 Notepad's editor)
    /// focus, select all and type the text, which replaces the content the way a person would.
    /// </summary>
    public async ValueTask SetTextAsync(DesktopElement element, string text, CancellationToken cancellationToken)
    {
        if (element is Win32Element control)
        {
            Win32Controls.SetText(control, text);
            return;
        }

        var own = Own(element);
        if (await OnUiaAsync(uia => uia.TrySetValue(own, text), cancellationToken))
        {
            return;
        }

        await OnUiaAsync(uia =>
        {
            uia.Focus(own);
            return true;
        }, cancellationToken);
        WindowsInput.Send(InputMapper.Chord(KeyChord.Parse("ctrl+a"), WindowsInput.LayoutKeyFor));
        WindowsInput.Send(text.Length == 0 ? InputMapper.Chord(KeyChord.Parse("delete"), WindowsInput.LayoutKeyFor) : InputMapper.Text(text));
    }

    public async ValueTask<string> ReadTextAsync(DesktopElement element, CancellationToken cancellationToken) =>
        element is Win32Element control ? Win32Controls.ReadText(control) : await OnUiaAsync(uia => uia.ReadText(Own(element)), cancellationToken);

    public async ValueTask SelectAsync(DesktopElement element, TextMatch item, CancellationToken cancellationToken)
    {
        if (element is Win32Element control)
        {
            Win32Controls.Select(control, item);
            return;
        }

        await OnUiaAsync(uia =>
        {
            uia.Select(Own(element), item);
            return true;
        }, cancellationToken);
    }

    public async ValueTask ToggleAsync(DesktopElement element, CancellationToken cancellationToken)
    {
        if (element is Win32Element control)
        {
            Win32Controls.Toggle(control);
            return;
        }

        await OnUiaAsync(uia =>
        {
            uia.Toggle(Own(element));
            return true;
        }, cancellationToken);
    }

    public ValueTask<ScreenPoint> GetMousePositionAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(WindowsInput.CursorPosition());
    }

    public ValueTask MoveMouseAsync(ScreenPoint point, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        WindowsInput.Send([InputMapper.MoveTo(point, WindowsSessionProbe.VirtualScreen())]);
        return ValueTask.CompletedTask;
    }

    public ValueTask ClickAsync(ScreenPoint point, MouseButton button, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        WindowsInput.Send(InputMapper.Click(point, WindowsSessionProbe.VirtualScreen(), button, count));
        return ValueTask.CompletedTask;
    }

    public ValueTask MouseButtonAsync(MouseButton button, bool down, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        WindowsInput.Send([InputMapper.Button(button, down)]);
        return ValueTask.CompletedTask;
    }

    public ValueTask ScrollAsync(int down, int right, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        WindowsInput.Send(InputMapper.Scroll(down, right));
        return ValueTask.CompletedTask;
    }

    public async ValueTask TypeTextAsync(string text, TimeSpan delayBetweenKeys, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var inputs = InputMapper.Text(text);
        if (delayBetweenKeys <= TimeSpan.Zero)
        {
            WindowsInput.Send(inputs);
            return;
        }

        // Each key is a down/up pair; pacing between pairs lets slow applications keep up.
        for (var i = 0; i < inputs.Length; i += 2)
        {
            WindowsInput.Send(inputs[i..Math.Min(i + 2, inputs.Length)]);
            await Task.Delay(delayBetweenKeys, cancellationToken);
        }
    }

    public ValueTask PressChordAsync(KeyChord chord, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        WindowsInput.Send(InputMapper.Chord(chord, WindowsInput.LayoutKeyFor));
        return ValueTask.CompletedTask;
    }

    public ValueTask<PixelImage> CaptureAsync(ScreenRect? region, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var screen = WindowsSessionProbe.VirtualScreen();
        var target = region is { } wanted ? wanted.Intersect(screen) : screen;
        if (target.IsEmpty)
        {
            throw new DesktopDriverException($"the region {region} is outside the screen ({screen})");
        }

        return ValueTask.FromResult(ScreenCapture.Capture(target));
    }

    public ValueTask ResetIdleTimerAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Kernel32.SetThreadExecutionState(Kernel32.ES_DISPLAY_REQUIRED | Kernel32.ES_SYSTEM_REQUIRED);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<IAsyncDisposable> InhibitIdleAsync(CancellationToken cancellationToken) =>
        await ExecutionStateInhibitor.StartAsync(cancellationToken);

    public ValueTask DisposeAsync()
    {
        lock (_launched)
        {
            // The programs keep running (closing them is the session's clean-up, when the robot wants it); only our handles go.
            foreach (var process in _launched)
            {
                process.Dispose();
            }

            _launched.Clear();
        }

        _com?.Dispose();
        _com = null;
        _uia = null;
        return ValueTask.CompletedTask;
    }

    private static UiaDesktopElement Own(DesktopElement element) =>
        element as UiaDesktopElement ?? throw new ArgumentException($"{element} was not found by the Windows driver", nameof(element));

    private Task<T> OnUiaAsync<T>(Func<UiaClient, T> work, CancellationToken cancellationToken)
    {
        if (!_options.Accessibility)
        {
            throw new DesktopDriverException("element actions need UI Automation, which this robot turned off (\"accessibility\": false)");
        }

        _com ??= new ComThread("vibe UI Automation");
        return _com.InvokeAsync(() => work(_uia ??= UiaClient.Create()), cancellationToken);
    }
}
