using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Application.Executors.SharedActions;
using Vibe.Application.Runs.ExecuteRun;
using Vibe.Domain.Robots;
using Vibe.Domain.Runs;

namespace Vibe.Executors.Desktop.Tests.Support;

/// <summary>
/// Runs a robot the way the service does: the application's RobotRunner, the executor and keep-alive as
/// AddDesktopExecutor registers them, real files in a temporary data folder. Only the run log and the evidence
/// summary are kept in memory, so the test can read them.
/// </summary>
public sealed class RobotHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public RobotHarness(IReadOnlyDictionary<string, string>? environment = null)
    {
        Environment = new DictionaryEnvironment(environment ?? new Dictionary<string, string>());
        _services = new ServiceCollection().AddDesktopExecutor().BuildServiceProvider();
        DataFolder = Directory.CreateTempSubdirectory("vibe-desktop-test-").FullName;
    }

    public string DataFolder { get; }

    public DictionaryEnvironment Environment { get; }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A robot from the JSON people write in robots.d: { "desktop": {...}, "steps": [...] }.</summary>
    public RobotDefinition Robot(string json, string name = "test-robot", string? sourceFile = null)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement.Clone();
        var steps = root.GetProperty("steps").EnumerateArray().Select((step, index) => new RobotStep
        {
            Index = index,
            Action = step.GetProperty("action").GetString()!,
            Name = step.TryGetProperty("name", out var label) ? label.GetString() : null,
            Parameters = step.EnumerateObject()
                .Where(property => property.Name is not ("action" or "name"))
                .ToDictionary(property => property.Name, property => property.Value.Clone()),
        }).ToList();
        return new RobotDefinition
        {
            Name = name,
            Executor = root.TryGetProperty("executor", out var executor) ? executor.GetString()! : "desktop",
            Steps = steps,
            ExecutorOptions = root.TryGetProperty("desktop", out var options) ? options.Clone() : null,
            Timeout = TimeSpan.FromMinutes(2),
            SourceFile = sourceFile ?? Path.Combine(DataFolder, "robots.json"),
            DefinitionHash = "test",
        };
    }

    public ExecutorContext Context(RobotDefinition robot, RecordingLog log, long runId = 1)
    {
        var masker = new ListMasker();
        var runFolder = Path.Combine(DataFolder, "runs", runId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(runFolder);
        return new ExecutorContext
        {
            RunId = runId,
            Robot = robot,
            RunFolder = runFolder,
            Log = log,
            Variables = new RunVariables(Environment, masker),
            Masker = masker,
            Time = TimeProvider.System,
        };
    }

    public async Task<RunOutcome> RunAsync(RobotDefinition robot, long runId = 1, RecordingLog? log = null)
    {
        log ??= new RecordingLog(runId);
        var context = Context(robot, log, runId);
        var runner = new RobotRunner(
            new ExecutorRegistry(_services.GetServices<IRobotExecutor>().Append(new ShellExecutor()), [new WaitAction()]),
            _services.GetServices<IRunActivityHook>(),
            new SummaryEvidenceWriter(),
            new FolderRunFiles(DataFolder));
        var result = await runner.RunAsync(context, new RunAttempt(1, 1), CancellationToken.None);
        return new RunOutcome(result, log, context);
    }

    public void Dispose()
    {
        _services.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class FolderRunFiles(string root) : IRunFiles
    {
        public string RunFolder(long runId) => Directory.CreateDirectory(Path.Combine(root, "runs", runId.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;

        public string EvidenceFolder(long runId) => Directory.CreateDirectory(Path.Combine(RunFolder(runId), "evidence")).FullName;

        public string? ExistingRunFolder(long runId) => RunFolder(runId);
    }

    private sealed class SummaryEvidenceWriter : IEvidenceWriter
    {
        public ValueTask WriteAsync(string folder, FailureReport report, CancellationToken cancellationToken) =>
            new(File.WriteAllTextAsync(Path.Combine(folder, "summary.txt"), report.Error.Message, cancellationToken));
    }
}

public sealed record RunOutcome(RobotRunResult Result, RecordingLog Log, ExecutorContext Context)
{
    public string? Variable(string name) => Context.Variables.TryGet(name, out var value) ? value : null;
}

public sealed class RecordingLog(long runId) : IRunLog
{
    private readonly ConcurrentQueue<RunLogEntry> _lines = new();

    public long RunId => runId;

    public IReadOnlyList<string> Lines => _lines.Select(line => line.Message).ToList();

    public string Text => string.Join('\n', _lines.Select(line => $"{line.Time:HH:mm:ss.fff} {line.Level} {line.Message}"));

    public void Write(RunLogLevel level, int? stepIndex, string message) =>
        _lines.Enqueue(new RunLogEntry(runId, TimeProvider.System.GetUtcNow().UtcDateTime, level, stepIndex, message));

    public IReadOnlyList<RunLogEntry> Tail(int count) => _lines.TakeLast(count).ToList();

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

public sealed class DictionaryEnvironment(IReadOnlyDictionary<string, string> values) : IEnvironmentReader
{
    public string? Get(string name) => values.TryGetValue(name, out var value) ? value : System.Environment.GetEnvironmentVariable(name);
}

internal sealed class ListMasker : ISecretMasker
{
    private readonly List<string> _secrets = [];

    public string Mask(string text) => _secrets.Aggregate(text, (current, secret) => current.Replace(secret, "***", StringComparison.Ordinal));

    public void AddSecret(string value)
    {
        if (value.Length > 0)
        {
            _secrets.Add(value);
        }
    }
}
