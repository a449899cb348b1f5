namespace Vibe.Application.Executors;

/// <summary>
/// A backend that runs robots' steps: "web" (Playwright), "desktop" (UI Automation / AT-SPI), "shell".
/// Register one with <c>services.AddSingleton&lt;IRobotExecutor, MyExecutor&gt;()</c>; a robot picks it by
/// <see cref="Name"/>. The shared steps (wait, log, run, set) are handled before the executor is asked,
/// so an executor only implements its own actions.
/// </summary>
public interface IRobotExecutor
{
    /// <summary>The name robots.json uses in "executor".</summary>
    string Name { get; }

    /// <summary>The actions this executor adds to the shared ones; used to validate robots before any run.</summary>
    IReadOnlyCollection<ActionDescriptor> Actions { get; }

    /// <summary>Parameters every step of this executor takes besides its own (web and desktop: "timeout").</summary>
    IReadOnlyList<ParameterDescriptor> StepParameters => [];

    /// <summary>The settings of the robot's option block named after the executor ("web": { ... }).</summary>
    IReadOnlyList<ParameterDescriptor> Options => [];

    /// <summary>
    /// Prepares what a run needs (a browser, a desktop session). Throw <see cref="SessionUnavailableException"/>
    /// when the environment cannot run the robot at all (no display, locked session).
    /// </summary>
    ValueTask<IExecutorSession> OpenSessionAsync(ExecutorContext context, CancellationToken cancellationToken);
}

/// <summary>One run's use of an executor. Disposed when the run ends, whatever the outcome.</summary>
public interface IExecutorSession : IAsyncDisposable
{
    /// <summary>
    /// Executes one of the executor's own actions. Throw <see cref="StepFailedException"/> with a message an
    /// operator can act on; honour <paramref name="cancellationToken"/> (timeout and service stop).
    /// </summary>
    ValueTask ExecuteStepAsync(StepContext step, CancellationToken cancellationToken);

    /// <summary>
    /// Called once after a step failed: save a screenshot and whatever else shows what the robot saw
    /// (trace, element tree) into <paramref name="evidenceFolder"/>. Never throws for a missing screen;
    /// returns what it managed to save.
    /// </summary>
    ValueTask<FailureEvidence> CaptureFailureEvidenceAsync(string evidenceFolder, CancellationToken cancellationToken);
}

/// <summary>Files an executor saved at the moment of failure.</summary>
/// <param name="ScreenshotPath">The screenshot, or null when none could be taken.</param>
/// <param name="Files">Other files saved (trace.zip, element-tree.txt).</param>
public sealed record FailureEvidence(string? ScreenshotPath, IReadOnlyList<string> Files)
{
    public static FailureEvidence None { get; } = new(null, []);
}

