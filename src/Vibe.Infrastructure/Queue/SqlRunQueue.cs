using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Interfaces;
using Vibe.Domain.Runs;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Persistence;

namespace Vibe.Infrastructure.Queue;

/// <summary>The run queue over the configured provider's claim statement.</summary>
internal sealed class SqlRunQueue : IRunQueue
{
    private readonly IVibeDbContextFactory _contexts;
    private readonly string _provider;

    public SqlRunQueue(IVibeDbContextFactory contexts, VibeSettings settings)
    {
        _contexts = contexts;
        _provider = settings.Database.Provider.Trim().ToLowerInvariant();
    }

    public async Task<TaskRun?> ClaimNextAsync(string host, IReadOnlyCollection<string> excludedRobots, DateTime now, DateTime leaseExpiresAt, CancellationToken cancellationToken)
    {
        await using var db = _contexts.Create();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var parameters = new List<DbParameter>
        {
            Parameter(command, "@host", host),
            Parameter(command, "@now", now),
            Parameter(command, "@lease", leaseExpiresAt),
        };
        var index = 0;
        foreach (var robot in excludedRobots)
        {
            parameters.Add(Parameter(command, $"@x{index++}", robot));
        }

        // Not composed (no LIMIT, no filter), so EF Core sends the statement as written and maps the row it returns.
        var claimed = db.Runs.FromSqlRaw(ClaimStatements.For(_provider, excludedRobots.Count), [.. parameters]).AsNoTracking().AsAsyncEnumerable();
        await foreach (var run in claimed.WithCancellation(cancellationToken))
        {
            return run;
        }

        return null;
    }

    public async Task<bool> RenewLeaseAsync(long runId, string host, DateTime leaseExpiresAt, CancellationToken cancellationToken)
    {
        await using var db = _contexts.Create();
        var updated = await db.Runs
            .Where(run => run.Id == runId && run.Host == host && run.Status == RunStatus.Running)
            .ExecuteUpdateAsync(setters => setters.SetProperty(run => run.LeaseExpiresAt, leaseExpiresAt), cancellationToken);
        return updated == 1;
    }

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }
}

/// <summary>Wakes the worker of this process when a run is queued here.</summary>
internal sealed class RunQueueSignal : IRunQueueSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        // Many notifications while the worker is busy collapse into one wake-up.
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
