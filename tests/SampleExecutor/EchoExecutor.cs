using Vibe.Application.Executors;

namespace SampleExecutor;

/// <summary>A small executor: "say" writes a line to the run log, "write" saves a text file in the run folder.</summary>
public sealed class EchoExecutor : IRobotExecutor
{
    private static readonly ParameterDescriptor Text = ParameterDescriptor.Text("text", "What to say or write").IsRequired();

    private static readonly ParameterDescriptor Times = ParameterDescriptor.Integer("times", "How many times to say it", 1, 10).DefaultsTo("1");

    private static readonly ParameterDescriptor File = ParameterDescriptor.Text("file", "The file to write, relative to the run folder").IsRequired();

    public string Name => "echo";

    public IReadOnlyCollection<ActionDescriptor> Actions { get; } =
    [
        new ActionDescriptor("say", "Writes the text to the run log", [Text, Times]),
        new ActionDescriptor("write", "Writes the text into a file of the run folder", [File, Text]),
    ];

    public ValueTask<IExecutorSession> OpenSessionAsync(ExecutorContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IExecutorSession>(new Session());

    private sealed class Session : IExecutorSession
    {
        public async ValueTask ExecuteStepAsync(StepContext step, CancellationToken cancellationToken)
        {
            var text = step.Parameters.GetString("text");
            switch (step.Step.Action)
            {
                case "say":
                    for (var i = 0; i < step.Parameters.GetInt("times", 1); i++)
                    {
                        step.Log($"echo: {text}");
                    }

                    break;
                case "write":
                    var path = Path.Combine(step.RunFolder, step.Parameters.GetString("file"));
                    await System.IO.File.WriteAllTextAsync(path, text, cancellationToken);
                    step.Log($"wrote {path}");
                    break;
                default:
                    throw new StepFailedException($"step {step.Step.DisplayName}: the echo executor has no action '{step.Step.Action}'");
            }
        }

        public ValueTask<FailureEvidence> CaptureFailureEvidenceAsync(string evidenceFolder, CancellationToken cancellationToken) =>
            ValueTask.FromResult(FailureEvidence.None);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
