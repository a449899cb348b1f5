using Microsoft.Playwright;
using Vibe.Application.Executors;
using Vibe.Executors.Web.Actions;
using Vibe.Executors.Web.Browser;
using Vibe.Executors.Web.Options;

namespace Vibe.Executors.Web.Session;

/// <summary>
/// One run's browser. Steps act in the current tab and frame; a failed step's message names the step, the
/// selector and the page. Cancelling a step returns at once (Playwright's calls cannot be interrupted, so the
/// call is abandoned) and disposing the session, which the runner does right after, closes the browser.
/// </summary>
internal sealed class WebSession : IExecutorSession
{
    private readonly LaunchedBrowser _browser;
    private readonly ExecutorContext _run;
    private readonly WebOptions _options;
    private readonly PageScope _scope;
    private bool _tracing;

    public WebSession(LaunchedBrowser browser, IPage page, ExecutorContext run, WebOptions options)
    {
        _browser = browser;
        _run = run;
        _options = options;
        _scope = new PageScope(browser.Context, page);
        _tracing = options.Trace;
    }

    public async ValueTask ExecuteStepAsync(StepContext step, CancellationToken cancellationToken)
    {
        if (!WebActions.All.TryGetValue(step.Step.Action, out var action))
        {
            throw new StepFailedException(
                $"step {step.Step.DisplayName}: the web executor has no action '{step.Step.Action}' (known: {string.Join(", ", WebActions.All.Keys)})");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var webStep = new WebStep(step, _scope, _options);
        var work = action.ExecuteAsync(webStep, cancellationToken);
        try
        {
            await work.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The abandoned call fails once the browser closes; observe it so it is not reported as unobserved.
            _ = work.ContinueWith(static task => task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
        catch (Exception ex) when (ex is WebStepException or PlaywrightException or TimeoutException)
        {
            throw await StepFailure.DescribeAsync(webStep, ex, _run.Masker);
        }
    }

    public async ValueTask<FailureEvidence> CaptureFailureEvidenceAsync(string evidenceFolder, CancellationToken cancellationToken)
    {
        var tracing = _tracing;

        // Stopping the trace ends it: a second capture must not try again.
        _tracing = false;
        return await FailureEvidenceCapture.CaptureAsync(_scope, tracing, _run, evidenceFolder, cancellationToken);
    }

    /// <summary>Closes the browser; an unsaved trace is thrown away with it.</summary>
    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
