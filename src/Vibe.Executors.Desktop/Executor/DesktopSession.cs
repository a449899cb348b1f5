using Vibe.Application.Executors;
using Vibe.Domain.Runs;
using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Executor;

/// <summary>
/// One run's desktop: the driver connection, the current window (launched, attached or focused last) and what
/// the failure evidence needs. The actions live in the partial files beside this one, one file per group.
/// </summary>
internal sealed partial class DesktopSession : IExecutorSession
{
    private readonly IDesktopDriver _driver;
    private readonly DesktopOptions _options;
    private readonly ExecutorContext _run;
    private readonly Dictionary<string, PixelImage> _templates = new(StringComparer.Ordinal);
    private DesktopWindow? _currentWindow;
    private int? _currentProcessId;
    private DesktopWindow? _evidenceWindow;
    private string? _evidenceSelector;

    public DesktopSession(IDesktopDriver driver, DesktopOptions options, ExecutorContext run)
    {
        _driver = driver;
        _options = options;
        _run = run;
    }

    private TimeProvider Time => _run.Time;

    public async ValueTask ExecuteStepAsync(StepContext step, CancellationToken cancellationToken)
    {
        _evidenceWindow = null;
        _evidenceSelector = null;
        try
        {
            await DispatchAsync(step, cancellationToken);
        }
        catch (DesktopDriverException ex)
        {
            throw Fail(step, ex.Message, ex);
        }
        catch (SelectorSyntaxException ex)
        {
            throw Fail(step, ex.Message, ex);
        }
        catch (InvalidDataException ex)
        {
            throw Fail(step, ex.Message, ex);
        }
    }

    /// <summary>
    /// Each action's code, by the exact (case-sensitive) name <see cref="DesktopActions"/> declares; a unit test
    /// keeps the two sets of names equal.
    /// </summary>
    internal static IReadOnlyDictionary<string, Func<DesktopSession, StepContext, CancellationToken, Task>> Handlers { get; } =
        new Dictionary<string, Func<DesktopSession, StepContext, CancellationToken, Task>>(StringComparer.Ordinal)
    {
        ["launch"] = (session, step, ct) => session.LaunchAsync(step, ct),
        ["attach"] = (session, step, ct) => session.AttachAsync(step, ct),
        ["waitWindow"] = (session, step, ct) => session.WaitWindowAsync(step, ct),
        ["focus"] = (session, step, ct) => session.FocusAsync(step, ct),
        ["close"] = (session, step, ct) => session.CloseAsync(step, ct),
        ["click"] = (session, step, ct) => session.ClickAsync(step, ct),
        ["doubleClick"] = (session, step, ct) => session.MouseClickElementAsync(step, MouseButton.Left, 2, ct),
        ["rightClick"] = (session, step, ct) => session.MouseClickElementAsync(step, MouseButton.Right, 1, ct),
        ["setText"] = (session, step, ct) => session.SetTextAsync(step, ct),
        ["type"] = (session, step, ct) => session.TypeAsync(step, ct),
        ["readText"] = (session, step, ct) => session.ReadTextAsync(step, ct),
        ["select"] = (session, step, ct) => session.SelectAsync(step, ct),
        ["toggle"] = (session, step, ct) => session.ToggleAsync(step, ct),
        ["waitElement"] = (session, step, ct) => session.WaitElementAsync(step, ct),
        ["assertText"] = (session, step, ct) => session.AssertTextAsync(step, ct),
        ["moveMouse"] = (session, step, ct) => session.MoveMouseAsync(step, ct),
        ["clickAt"] = (session, step, ct) => session.ClickAtAsync(step, ct),
        ["typeKeys"] = (session, step, ct) => session.TypeKeysAsync(step, ct),
        ["hotkey"] = (session, step, ct) => session.HotkeyAsync(step, ct),
        ["scroll"] = (session, step, ct) => session.ScrollAsync(step, ct),
        ["findImage"] = (session, step, ct) => session.FindImageAsync(step, ct),
        ["clickImage"] = (session, step, ct) => session.ClickImageAsync(step, ct),
        ["waitImage"] = (session, step, ct) => session.WaitImageAsync(step, ct),
        ["screenshot"] = (session, step, ct) => session.ScreenshotAsync(step, ct),
    };

    private Task DispatchAsync(StepContext step, CancellationToken ct) =>
        Handlers.TryGetValue(step.Step.Action, out var handler)
            ? handler(this, step, ct)
            : throw Fail(step, $"the desktop executor has no action '{step.Step.Action}' (actions: {string.Join(", ", DesktopActions.All.Select(a => a.Name))})");

    public async ValueTask<FailureEvidence> CaptureFailureEvidenceAsync(string evidenceFolder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(evidenceFolder);
        string? screenshot = null;
        var files = new List<string>();
        try
        {
            var (image, why) = await CaptureWithoutSecretsAsync(null, cancellationToken);
            if (image is null)
            {
                _run.Log.Write(RunLogLevel.Warning, null, $"the screenshot is left out of the evidence: {why}");
            }
            else
            {
                screenshot = Path.Combine(evidenceFolder, "screen.png");
                await Imaging.PngEncoder.SaveAsync(image, screenshot, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is DesktopDriverException or IOException or UnauthorizedAccessException)
        {
            _run.Log.Write(RunLogLevel.Warning, null, $"could not capture the screen for evidence: {ex.Message}");
        }

        try
        {
            var windows = await _driver.ListWindowsAsync(cancellationToken);
            var path = Path.Combine(evidenceFolder, "windows.txt");
            await File.WriteAllTextAsync(path, _run.Masker.Mask(Inspect.ElementTreeText.FormatWindows(windows)), cancellationToken);
            files.Add(path);
        }
        catch (Exception ex) when (ex is DesktopDriverException or IOException)
        {
            _run.Log.Write(RunLogLevel.Warning, null, $"could not list the windows for evidence: {ex.Message}");
        }

        if (_evidenceWindow is { } window)
        {
            var path = Path.Combine(evidenceFolder, "element-tree.txt");
            string text;
            try
            {
                var tree = await _driver.GetElementTreeAsync(window, maxDepth: 25, cancellationToken);
                text = Inspect.ElementTreeText.Format(window, tree, _evidenceSelector);
            }
            catch (DesktopDriverException ex)
            {
                text = $"{window}\n(no element tree: {ex.Message})\n";
            }

            await File.WriteAllTextAsync(path, _run.Masker.Mask(text), cancellationToken);
            files.Add(path);
        }

        return new FailureEvidence(screenshot, files);
    }

    public ValueTask DisposeAsync() => _driver.DisposeAsync();

    private static StepFailedException Fail(StepContext step, string message, Exception? inner = null) =>
        inner is null ? new($"step {step.Step.DisplayName}: {message}") : new($"step {step.Step.DisplayName}: {message}", inner);

    private TimeSpan Timeout(StepContext step, TimeSpan? fallback = null) =>
        step.Parameters.GetDuration("timeout", fallback ?? _options.Timeout);
}
