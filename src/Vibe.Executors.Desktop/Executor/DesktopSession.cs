using Vibe.Application.Executors;
using Vibe.Domain.Runs;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Executor.Actions;

namespace Vibe.Executors.Desktop.Executor;

/// <summary>
/// One run's desktop: the driver connection, the current window (launched, attached or focused last) and what
/// the failure evidence needs. Each action is a class in Actions/ that works through the helpers of the partial
/// files beside this one (elements, windows, pointer, secrets).
/// </summary>
internal sealed partial class DesktopSession : IExecutorSession
{
    private readonly IDesktopDriver _driver;
    private readonly DesktopOptions _options;
    private readonly ExecutorContext _run;
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

    internal IDesktopDriver Driver => _driver;

    internal DesktopOptions Options => _options;

    internal TimeProvider Time => _run.Time;

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

    private Task DispatchAsync(StepContext step, CancellationToken ct) =>
        DesktopActions.All.TryGetValue(step.Step.Action, out var action)
            ? action.ExecuteAsync(this, step, ct)
            : throw Fail(step, $"the desktop executor has no action '{step.Step.Action}' (actions: {string.Join(", ", DesktopActions.All.Keys)})");

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

        if (_outputs.Values.Where(output => output.HasLines).ToList() is { Count: > 0 } printed)
        {
            var path = Path.Combine(evidenceFolder, "program-output.txt");
            await File.WriteAllTextAsync(path, _run.Masker.Mask(string.Concat(printed.Select(output => output.Format()))), cancellationToken);
            files.Add(path);
        }

        return new FailureEvidence(screenshot, files);
    }

    /// <summary>Closes the programs the run launched (unless the robot says closeLaunched: false), then the driver.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_options.CloseLaunched)
            {
                await CloseLaunchedAsync();
            }
        }
        finally
        {
            await _driver.DisposeAsync();
        }
    }

    /// <summary>The step's failure, named after the step.</summary>
    internal static StepFailedException Fail(StepContext step, string message, Exception? inner = null) =>
        inner is null ? new($"step {step.Step.DisplayName}: {message}") : new($"step {step.Step.DisplayName}: {message}", inner);

    internal TimeSpan Timeout(StepContext step, TimeSpan? fallback = null) =>
        step.Parameters.GetDuration("timeout", fallback ?? _options.Timeout);
}
