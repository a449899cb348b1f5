using Vibe.Application.Executors;
using Vibe.Domain.Runs;

namespace Vibe.Bench.Web;

/// <summary>
/// A run log kept in memory. The real one batches lines into the database in the background; here it would only
/// add the store's noise to a figure about the executor, and the executor writes one line per session anyway.
/// </summary>
internal sealed class MemoryRunLog : IRunLog
{
    private readonly List<RunLogEntry> _entries = [];
    private readonly ISecretMasker _masker;
    private readonly TimeProvider _time;

    public MemoryRunLog(long runId, ISecretMasker masker, TimeProvider time)
    {
        RunId = runId;
        _masker = masker;
        _time = time;
    }

    public long RunId { get; }

    public IReadOnlyList<RunLogEntry> Entries => _entries;

    public void Write(RunLogLevel level, int? stepIndex, string message)
    {
        lock (_entries)
        {
            _entries.Add(new RunLogEntry(RunId, _time.GetUtcNow().UtcDateTime, level, stepIndex, _masker.Mask(message)));
        }
    }

    public IReadOnlyList<RunLogEntry> Tail(int count)
    {
        lock (_entries)
        {
            return _entries.TakeLast(count).ToList();
        }
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
