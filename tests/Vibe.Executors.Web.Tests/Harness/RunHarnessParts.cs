using System.Collections.Concurrent;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Domain.Runs;

namespace Vibe.Executors.Web.Tests.Harness;

// Small stand-ins for what the host provides in production (the database-backed run log, the .env reader, the
// masker fed from .env, the data folder). They hold no logic under test; the executor and the runner are real.

/// <summary>Masks every value it was told is secret.</summary>
public sealed class TestSecretMasker : ISecretMasker
{
    private readonly ConcurrentDictionary<string, bool> _secrets = new();

    public string Mask(string text) =>
        _secrets.Keys.OrderByDescending(secret => secret.Length).Aggregate(text, (masked, secret) => masked.Replace(secret, "***", StringComparison.Ordinal));

    public void AddSecret(string value)
    {
        if (value.Length > 0)
        {
            _secrets[value] = true;
        }
    }
}

/// <summary>Environment values from a dictionary, so a test decides exactly what the executor sees.</summary>
public sealed class TestEnvironment : IEnvironmentReader
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? this[string name]
    {
        get => _values.GetValueOrDefault(name);
        set
        {
            if (value is null)
            {
                _values.Remove(name);
            }
            else
            {
                _values[name] = value;
            }
        }
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);
}

/// <summary>Keeps the run's log lines in memory (masked, as the real log does) and lets a test wait for one.</summary>
public sealed class TestRunLog : IRunLog
{
    private readonly List<RunLogEntry> _entries = [];
    private readonly List<(string Fragment, TaskCompletionSource Seen)> _waiters = [];
    private readonly ISecretMasker _masker;

    public TestRunLog(long runId, ISecretMasker masker)
    {
        RunId = runId;
        _masker = masker;
    }

    public long RunId { get; }

    public IReadOnlyList<RunLogEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return _entries.ToList();
            }
        }
    }

    public string Text => string.Join("\n", Entries.Select(entry => $"[{entry.Level}] {entry.Message}"));

    public void Write(RunLogLevel level, int? stepIndex, string message)
    {
        var entry = new RunLogEntry(RunId, DateTime.UtcNow, level, stepIndex, _masker.Mask(message));
        lock (_entries)
        {
            _entries.Add(entry);
            foreach (var waiter in _waiters.Where(waiter => entry.Message.Contains(waiter.Fragment, StringComparison.Ordinal)))
            {
                waiter.Seen.TrySetResult();
            }
        }
    }

    /// <summary>Completes when a line containing <paramref name="fragment"/> is written.</summary>
    public Task WaitForLineAsync(string fragment)
    {
        lock (_entries)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_entries.Any(entry => entry.Message.Contains(fragment, StringComparison.Ordinal)))
            {
                seen.SetResult();
            }

            _waiters.Add((fragment, seen));
            return seen.Task;
        }
    }

    public IReadOnlyList<RunLogEntry> Tail(int count) => Entries.TakeLast(count).ToList();

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Run folders under one temporary data folder.</summary>
public sealed class TestRunFiles : IRunFiles
{
    private readonly string _root;

    public TestRunFiles(string root)
    {
        _root = root;
    }

    public string RunFolder(long runId) => Directory.CreateDirectory(Path.Combine(_root, $"run-{runId}")).FullName;

    public string EvidenceFolder(long runId) => Directory.CreateDirectory(Path.Combine(RunFolder(runId), "evidence")).FullName;

    public string? ExistingRunFolder(long runId) => Directory.Exists(Path.Combine(_root, $"run-{runId}")) ? Path.Combine(_root, $"run-{runId}") : null;
}

/// <summary>Records that the runner asked for the evidence summary; the bundle itself is the host's business.</summary>
public sealed class TestEvidenceWriter : IEvidenceWriter
{
    public List<FailureReport> Reports { get; } = [];

    public ValueTask WriteAsync(string folder, FailureReport report, CancellationToken cancellationToken)
    {
        lock (Reports)
        {
            Reports.Add(report);
        }

        return ValueTask.CompletedTask;
    }
}
