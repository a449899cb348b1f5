using Vibe.Application.Executors;
using Vibe.Domain.Runs;
using Vibe.Infrastructure.Persistence;

namespace Vibe.Infrastructure.Logging;

/// <summary>
/// A run's log: each line is masked, shown to listeners at once, and stored in batches (at most a second
/// late, and always by the end of the run) so that logging costs the run one statement per batch, not one per line.
/// Program output is bounded per run (<see cref="OutputLimits"/>) and waits for the store when too many lines are
/// pending, so the memory stays flat however much a program prints.
/// </summary>
internal sealed class DatabaseRunLog : IRunLog
{
    private const int BatchSize = 200;

    // Program output beyond this many pending lines waits for a flush instead of queueing without limit.
    private const int MaxPending = 4 * BatchSize;
    private readonly OutputLimits _limits;
    private long _outputLines;
    private long _outputBytes;
    private readonly IVibeDbContextFactory _contexts;
    private readonly ISecretMasker _masker;
    private readonly TimeProvider _time;
    private readonly IEnumerable<IRunLogListener> _listeners;
    private readonly string _robotName;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly List<RunLogEntry> _pending = [];
    private readonly Queue<RunLogEntry> _tail = new();
    private readonly ITimer _timer;
    private bool _detached;

    public DatabaseRunLog(long runId, string robotName, IVibeDbContextFactory contexts, ISecretMasker masker, TimeProvider time, IEnumerable<IRunLogListener> listeners, OutputLimits limits)
    {
        _limits = limits;
        RunId = runId;
        _robotName = robotName;
        _contexts = contexts;
        _masker = masker;
        _time = time;
        _listeners = listeners;
        _timer = time.CreateTimer(_ => _ = FlushQuietlyAsync(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public long RunId { get; }

    public void Write(RunLogLevel level, int? stepIndex, string message)
    {
        var entry = new RunLogEntry(RunId, _time.GetUtcNow().UtcDateTime, level, stepIndex, _masker.Mask(message));
        bool full;
        lock (_gate)
        {
            _pending.Add(entry);
            _tail.Enqueue(entry);
            if (_tail.Count > 200)
            {
                _tail.Dequeue();
            }

            full = _pending.Count >= BatchSize && !_detached;
        }

        foreach (var listener in _listeners)
        {
            listener.OnLine(_robotName, entry);
        }

        if (full)
        {
            _ = FlushQuietlyAsync();
        }
    }

    public async ValueTask<bool> WriteOutputAsync(RunLogLevel level, int? stepIndex, string line, CancellationToken cancellationToken)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(line);
        bool wait;
        lock (_gate)
        {
            if (_outputLines >= _limits.MaxLines || _outputBytes + bytes > _limits.MaxBytes)
            {
                // Once full, stay full: a later short line must not slip in after longer ones were dropped.
                _outputLines = _limits.MaxLines;
                return false;
            }

            _outputLines++;
            _outputBytes += bytes;
            wait = _pending.Count >= MaxPending;
        }

        if (wait)
        {
            // Back-pressure: the program's pipe fills while the store catches up, and the program waits.
            try
            {
                await FlushAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The store failed: the lines were put back for a later flush, and the run's byte limit bounds them.
            }
        }

        Write(level, stepIndex, line);
        return true;
    }

    public IReadOnlyList<RunLogEntry> Tail(int count)
    {
        lock (_gate)
        {
            return _tail.Skip(Math.Max(0, _tail.Count - count)).ToList();
        }
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            List<RunLogEntry> batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    return;
                }

                batch = [.. _pending];
                _pending.Clear();
            }

            try
            {
                await using var db = _contexts.Create();
                await RunLogInsert.InsertAsync(db, batch, cancellationToken);
            }
            catch
            {
                // Put the lines back so a later flush stores them; nothing is dropped on a database hiccup.
                lock (_gate)
                {
                    _pending.InsertRange(0, batch.Select(entry => new RunLogEntry(entry.RunId, entry.Time, entry.Level, entry.StepIndex, entry.Message)));
                }

                throw;
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    public async ValueTask<IReadOnlyList<RunLogEntry>> DetachUnsavedAsync()
    {
        await _timer.DisposeAsync();
        await _writer.WaitAsync();
        lock (_gate)
        {
            _detached = true;
            var unsaved = _pending.ToList();
            _pending.Clear();
            _writer.Release();
            return unsaved;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync();
        if (!_detached)
        {
            await FlushAsync(CancellationToken.None);
        }

        _writer.Dispose();
    }

    private async Task FlushQuietlyAsync()
    {
        try
        {
            await FlushAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // The lines were put back; the next flush (at the latest the final one, which reports errors) stores them.
        }
    }
}

internal sealed class DatabaseRunLogFactory : IRunLogFactory
{
    private readonly IVibeDbContextFactory _contexts;
    private readonly ISecretMasker _masker;
    private readonly TimeProvider _time;
    private readonly IEnumerable<IRunLogListener> _listeners;
    private readonly OutputLimits _limits;

    public DatabaseRunLogFactory(IVibeDbContextFactory contexts, ISecretMasker masker, TimeProvider time, IEnumerable<IRunLogListener> listeners, OutputLimits limits)
    {
        _limits = limits;
        _contexts = contexts;
        _masker = masker;
        _time = time;
        _listeners = listeners;
    }

    public IRunLog Open(long runId, string robotName) => new DatabaseRunLog(runId, robotName, _contexts, _masker, _time, _listeners, _limits);
}
