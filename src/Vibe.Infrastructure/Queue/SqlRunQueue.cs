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

    public async Task<long?> ClaimNextAsync(string host, IReadOnlyCollection<string> excludedRobots, DateTime now, DateTime leaseExpiresAt, CancellationToken cancellationToken)
    {
        await using var db = _contexts.Create();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ClaimStatements.For(_provider, excludedRobots.Count);
        Add(command, "@host", host);
        Add(command, "@now", now);
        Add(command, "@lease", leaseExpiresAt);
        var index = 0;
        foreach (var robot in excludedRobots)
        {
            Add(command, $"@x{index++}", robot);
        }

        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is null or DBNull ? null : Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<bool> RenewLeaseAsync(long runId, string host, DateTime leaseExpiresAt, CancellationToken cancellationToken)
    {
        await using var db = _contexts.Create();
        var updated = await db.Runs
            .Where(run => run.Id == runId && run.Host == host && run.Status == RunStatus.Running)
            .ExecuteUpdateAsync(setters => setters.SetProperty(run => run.LeaseExpiresAt, leaseExpiresAt), cancellationToken);
        return updated == 1;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
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
