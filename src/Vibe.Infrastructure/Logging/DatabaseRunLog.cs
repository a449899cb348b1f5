using Vibe.Application.Executors;
using Vibe.Domain.Runs;
using Vibe.Infrastructure.Persistence;

namespace Vibe.Infrastructure.Logging;

/// <summary>
/// A run's log: each line is masked, shown to listeners at once, and stored in batches (at most a second
/// late, and always by the end of the run) so that logging costs the run one statement per batch, not one per line.
/// </summary>
internal sealed class DatabaseRunLog : IRunLog
{
    private const int BatchSize = 200;
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

    public DatabaseRunLog(long runId, string robotName, IVibeDbContextFactory contexts, ISecretMasker masker, TimeProvider time, IEnumerable<IRunLogListener> listeners)
    {
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

    public DatabaseRunLogFactory(IVibeDbContextFactory contexts, ISecretMasker masker, TimeProvider time, IEnumerable<IRunLogListener> listeners)
    {
        _contexts = contexts;
        _masker = masker;
        _time = time;
        _listeners = listeners;
    }

    public IRunLog Open(long runId, string robotName) => new DatabaseRunLog(runId, robotName, _contexts, _masker, _time, _listeners);
}
