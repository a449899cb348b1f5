using Polly;
using Polly.Retry;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Domain.Robots;
using Vibe.Domain.Runs;

namespace Vibe.Application.Runs.ExecuteRun;

/// <summary>
/// Runs a robot's steps in order through its executor: shared steps first, then the executor's own.
/// Logs each step's start, end and duration; applies the robot's timeout and a step's own retry;
/// on failure asks the executor for evidence. It never throws for a robot's failure: it returns it.
/// </summary>
public sealed class RobotRunner
{
    private readonly ExecutorRegistry _registry;
    private readonly IEnumerable<IRunActivityHook> _hooks;
    private readonly IEvidenceWriter _evidenceWriter;
    private readonly IRunFiles _files;

    public RobotRunner(ExecutorRegistry registry, IEnumerable<IRunActivityHook> hooks, IEvidenceWriter evidenceWriter, IRunFiles files)
    {
        _registry = registry;
        _hooks = hooks;
        _evidenceWriter = evidenceWriter;
        _files = files;
    }

    public async Task<RobotRunResult> RunAsync(ExecutorContext context, RunAttempt attempt, CancellationToken stopToken)
    {
        var robot = context.Robot;
        var executor = _registry.FindExecutor(robot.Executor);
        if (executor is null)
        {
            return RobotRunResult.Failed($"executor '{robot.Executor}' is not registered", null, timedOut: false);
        }

        using var timeout = new CancellationTokenSource(robot.Timeout, context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopToken, timeout.Token);
        var token = linked.Token;
        RobotStep? current = null;
        IExecutorSession? session = null;
        var activities = new List<IAsyncDisposable>();
        try
        {
            foreach (var hook in _hooks)
            {
                activities.Add(await hook.BeginAsync(context, token));
            }

            session = await executor.OpenSessionAsync(context, token);
            foreach (var step in robot.Steps)
            {
                current = step;
                await RunStepAsync(context, session, step, token);
            }

            return RobotRunResult.Succeeded;
        }
        catch (SessionUnavailableException ex)
        {
            context.Log.Write(RunLogLevel.Error, current?.Index, ex.Message);
            return new RobotRunResult(RunStatus.SessionUnavailable, ex.Message, current?.Index, current?.Action, false);
        }
        catch (OperationCanceledException) when (stopToken.IsCancellationRequested)
        {
            var message = current is null ? "cancelled before the first step" : $"cancelled during step {current.DisplayName}";
            context.Log.Write(RunLogLevel.Warning, current?.Index, message);
            return new RobotRunResult(RunStatus.Cancelled, message, current?.Index, current?.Action, false);
        }
        catch (Exception ex)
        {
            var timedOut = timeout.IsCancellationRequested;
            var message = timedOut
                ? $"timed out after {Duration.Format(robot.Timeout)}" + (current is null ? "" : $" during step {current.DisplayName}")
                : DescribeFailure(current, ex);
            context.Log.Write(RunLogLevel.Error, current?.Index, message);
            var evidenceFolder = _files.EvidenceFolder(context.RunId);
            var evidence = await CollectEvidenceAsync(context, session, attempt, evidenceFolder, current, timedOut ? new TimeoutException(message, ex) : ex);
            return RobotRunResult.Failed(message, current, timedOut) with { Evidence = evidence, EvidenceFolder = evidenceFolder };
        }
        finally
        {
            if (session is not null)
            {
                await DisposeQuietlyAsync(session, context);
            }

            foreach (var activity in activities)
            {
                await DisposeQuietlyAsync(activity, context);
            }
        }
    }

    private async Task RunStepAsync(ExecutorContext context, IExecutorSession session, RobotStep step, CancellationToken token)
    {
        var stepContext = new StepContext(context, step);
        var started = context.Time.GetTimestamp();
        context.Log.Write(RunLogLevel.Info, step.Index, $"step {step.DisplayName} started");
        var shared = _registry.FindSharedAction(step.Action);
        await StepRetryPipeline(step, context).ExecuteAsync(
            async ct =>
            {
                if (shared is not null)
                {
                    await shared.ExecuteAsync(stepContext, ct);
                }
                else
                {
                    await session.ExecuteStepAsync(stepContext, ct);
                }
            },
            token);
        var elapsed = context.Time.GetElapsedTime(started);
        context.Log.Write(RunLogLevel.Info, step.Index, $"step {step.DisplayName} succeeded in {Duration.Format(elapsed)}");
    }

    private static ResiliencePipeline StepRetryPipeline(RobotStep step, ExecutorContext context)
    {
        if (step.Retry is not { Attempts: > 1 } retry)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = context.Time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retry.Attempts - 1,
                Delay = retry.Delay,
                BackoffType = DelayBackoffType.Constant,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException and not SessionUnavailableException),
                OnRetry = args =>
                {
                    context.Log.Write(
                        RunLogLevel.Warning,
                        step.Index,
                        $"step {step.DisplayName} failed (try {args.AttemptNumber + 1} of {retry.Attempts}): {args.Outcome.Exception?.Message}; trying again in {Duration.Format(args.RetryDelay)}");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    private async Task<FailureEvidence> CollectEvidenceAsync(
        ExecutorContext context, IExecutorSession? session, RunAttempt attempt, string folder, RobotStep? step, Exception error)
    {
        var evidence = FailureEvidence.None;
        try
        {
            if (session is not null)
            {
                using var evidenceTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30), context.Time);
                evidence = await session.CaptureFailureEvidenceAsync(folder, evidenceTimeout.Token);
            }
        }
        catch (Exception ex)
        {
            context.Log.Write(RunLogLevel.Warning, step?.Index, $"could not capture the screen for evidence: {ex.Message}");
        }

        evidence = WithFilesWritten(folder, evidence);
        try
        {
            await context.Log.FlushAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // The store is away: the lines stay pending (they reach the store with the outcome), and the evidence,
            // which needs only the log's tail in memory, is written all the same for the outcome to copy later.
        }

        try
        {
            var report = new FailureReport(
                context.RunId, context.Robot.Name, attempt.Number, attempt.Of, context.Time.GetUtcNow().UtcDateTime,
                step, error, context.Log.Tail(50), evidence);
            await _evidenceWriter.WriteAsync(folder, report, CancellationToken.None);
        }
        catch (Exception ex)
        {
            context.Log.Write(RunLogLevel.Warning, step?.Index, $"could not write the evidence bundle: {ex.Message}");
        }

        return evidence;
    }

    /// <summary>
    /// What is in the evidence folder, whatever the executor reported: a capture that failed part-way (after saving
    /// the screenshot) reports nothing, yet failure.txt, failure.json and the run's screenshot must name the files
    /// that are there.
    /// </summary>
    private static FailureEvidence WithFilesWritten(string folder, FailureEvidence reported)
    {
        if (!Directory.Exists(folder))
        {
            return reported;
        }

        var written = Directory.EnumerateFiles(folder)
            .Where(path => !Path.GetFileName(path).StartsWith("failure.", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var screenshot = reported.ScreenshotPath ?? written.FirstOrDefault(path => path.EndsWith(".png", StringComparison.OrdinalIgnoreCase));
        var files = reported.Files
            .Concat(written.Where(path => path != screenshot && !reported.Files.Contains(path)))
            .ToList();
        return new FailureEvidence(screenshot, files);
    }

    private static string DescribeFailure(RobotStep? step, Exception ex)
    {
        var message = ex is StepFailedException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
        if (step is null)
        {
            return message;
        }

        return message.StartsWith("step ", StringComparison.Ordinal) ? message : $"step {step.DisplayName} failed: {message}";
    }

    private static async Task DisposeQuietlyAsync(IAsyncDisposable disposable, ExecutorContext context)
    {
        try
        {
            await disposable.DisposeAsync();
        }
        catch (Exception ex)
        {
            context.Log.Write(RunLogLevel.Warning, null, $"clean-up after the run failed: {ex.Message}");
        }
    }
}

/// <summary>Which attempt this is, for the evidence and the mail.</summary>
public readonly record struct RunAttempt(int Number, int Of);

/// <summary>How a robot's steps ended.</summary>
public sealed record RobotRunResult(RunStatus Status, string? Error, int? FailedStepIndex, string? FailedAction, bool TimedOut)
{
    public static RobotRunResult Succeeded { get; } = new(RunStatus.Succeeded, null, null, null, false);

    public FailureEvidence Evidence { get; init; } = FailureEvidence.None;

    public string? EvidenceFolder { get; init; }

    public static RobotRunResult Failed(string error, RobotStep? step, bool timedOut) =>
        new(RunStatus.Failed, error, step?.Index, step?.Action, timedOut);
}
