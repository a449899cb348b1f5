using System.Text.Json;
using Vibe.Application.Executors;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Runs.ExecuteRun;
using Vibe.Domain.Robots;
using Vibe.Domain.Runs;
using Vibe.Infrastructure.Files;

namespace Vibe.UnitTests;

/// <summary>
/// failure.txt names the files the evidence folder holds, even when the executor's capture failed part-way after
/// saving them (under Wine the desktop executor saved screen.png, then failed on the element tree, and failure.txt
/// said "Screenshot: (none: ...)").
/// </summary>
public sealed class FailureEvidenceFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("vibe-evidence-").FullName;

    [Fact]
    public async Task A_capture_that_fails_after_saving_files_still_gets_them_named_in_failure_txt()
    {
        var runner = new RobotRunner(new ExecutorRegistry([new HalfCapture()], []), [], new EvidenceWriter(new NoMasker()), new Files(_root));
        var robot = new RobotDefinition
        {
            Name = "half",
            Executor = "half",
            SourceFile = Path.Combine(_root, "robots.json"),
            DefinitionHash = "test",
            Steps = [new RobotStep { Index = 0, Action = "fail", Parameters = new Dictionary<string, JsonElement>() }],
        };
        var masker = new NoMasker();
        var context = new ExecutorContext
        {
            RunId = 1,
            Robot = robot,
            RunFolder = Directory.CreateDirectory(Path.Combine(_root, "runs", "1")).FullName,
            Log = new Log(),
            Variables = new RunVariables(new NoEnvironment(), masker),
            Masker = masker,
            Time = TimeProvider.System,
        };

        var result = await runner.RunAsync(context, new RunAttempt(1, 1), CancellationToken.None);

        var evidence = Path.Combine(_root, "runs", "1", "evidence");
        var failure = File.ReadAllText(Path.Combine(evidence, "failure.txt"));
        Assert.Contains($"Screenshot: {Path.Combine(evidence, "screen.png")}", failure, StringComparison.Ordinal);
        Assert.Contains($"File:       {Path.Combine(evidence, "windows.txt")}", failure, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(evidence, "screen.png"), result.Evidence.ScreenshotPath);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private sealed class HalfCapture : IRobotExecutor, IExecutorSession
    {
        public string Name => "half";

        public IReadOnlyCollection<ActionDescriptor> Actions { get; } = [new ActionDescriptor("fail", "fails", Array.Empty<ParameterDescriptor>())];

        public ValueTask<IExecutorSession> OpenSessionAsync(ExecutorContext context, CancellationToken cancellationToken) => ValueTask.FromResult<IExecutorSession>(this);

        public ValueTask ExecuteStepAsync(StepContext step, CancellationToken cancellationToken) => throw new StepFailedException("step #1 fail: the button is not there");

        public async ValueTask<FailureEvidence> CaptureFailureEvidenceAsync(string evidenceFolder, CancellationToken cancellationToken)
        {
            await File.WriteAllBytesAsync(Path.Combine(evidenceFolder, "screen.png"), [0x89, (byte)'P', (byte)'N', (byte)'G'], cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(evidenceFolder, "windows.txt"), "window \"App\"\n", cancellationToken);
            throw new NotImplementedException("The method or operation is not implemented.");
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class Files(string root) : IRunFiles
    {
        public string RunFolder(long runId) => Directory.CreateDirectory(Path.Combine(root, "runs", runId.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;

        public string EvidenceFolder(long runId) => Directory.CreateDirectory(Path.Combine(RunFolder(runId), "evidence")).FullName;

        public string? ExistingRunFolder(long runId) => RunFolder(runId);
    }

    private sealed class NoMasker : ISecretMasker
    {
        public string Mask(string text) => text;

        public void AddSecret(string value)
        {
        }
    }

    private sealed class NoEnvironment : IEnvironmentReader
    {
        public string? Get(string name) => null;
    }

    private sealed class Log : IRunLog
    {
        private readonly List<RunLogEntry> _lines = [];

        public long RunId => 1;

        public void Write(RunLogLevel level, int? stepIndex, string message) =>
            _lines.Add(new RunLogEntry(1, TimeProvider.System.GetUtcNow().UtcDateTime, level, stepIndex, message));

        public IReadOnlyList<RunLogEntry> Tail(int count) => _lines.TakeLast(count).ToList();

        public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
