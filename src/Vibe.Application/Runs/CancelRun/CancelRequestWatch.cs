using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Interfaces;

namespace Vibe.Application.Runs.CancelRun;

/// <summary>
/// Watches the store for an operator's cancel of a run while it executes, wherever the request was made (another
/// host's CLI, the dashboard): one small indexed read per second, on a unit of work of its own. When the request
/// comes, the run's token is cancelled at once, so its steps stop.
/// </summary>
public sealed class CancelRequestWatch(IStoreUnits units, TimeProvider time)
{
    /// <summary>How often the store is asked; the issue asks for a cancel to reach the worker within about two seconds.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private TimeProvider Time => time;

    public Watching Start(long runId, CancellationTokenSource run) => new(this, runId, run);

    private async Task<string?> ReadAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = units.Begin();
        return await db.Runs.AsNoTracking().Where(r => r.Id == runId).Select(r => r.CancelRequestedBy).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>One run being watched; disposing it stops the watching.</summary>
    public sealed class Watching : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private volatile string? _requestedBy;

        internal Watching(CancelRequestWatch owner, long runId, CancellationTokenSource run) =>
            _loop = LoopAsync(owner, runId, run, _stop.Token);

        /// <summary>Who asked to cancel the run, once the request has been seen.</summary>
        public string? RequestedBy => _requestedBy;

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _stop.Dispose();
        }

        private async Task LoopAsync(CancelRequestWatch owner, long runId, CancellationTokenSource run, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(Interval, owner.Time, stop);
                    if (await owner.ReadAsync(runId, stop) is { } by)
                    {
                        _requestedBy = by;
                        await run.CancelAsync();
                        return;
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // The store away for a moment must not end the run; the next second asks again.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            }
        }
    }
}
