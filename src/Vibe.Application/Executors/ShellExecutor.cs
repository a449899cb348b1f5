namespace Vibe.Application.Executors;

/// <summary>
/// The executor for robots made only of shared steps (programs, scripts, waits): it needs no browser and
/// no desktop, so it runs anywhere, including a server with no session.
/// </summary>
public sealed class ShellExecutor : IRobotExecutor
{
    public string Name => "shell";

    public IReadOnlyCollection<ActionDescriptor> Actions => [];

    public ValueTask<IExecutorSession> OpenSessionAsync(ExecutorContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IExecutorSession>(new Session());

    private sealed class Session : IExecutorSession
    {
        public ValueTask ExecuteStepAsync(StepContext step, CancellationToken cancellationToken) =>
            throw new StepFailedException($"step {step.Step.DisplayName}: the shell executor has no action '{step.Step.Action}'");

        public ValueTask<FailureEvidence> CaptureFailureEvidenceAsync(string evidenceFolder, CancellationToken cancellationToken) =>
            ValueTask.FromResult(FailureEvidence.None);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
