using Npgsql;

namespace Vibe.Bench.Harness;

/// <summary>The counting protocol of bench-common: quiet connections, read, reset, work, quiet again, read.</summary>
internal static class SqlPhase
{
    /// <summary>
    /// Counts what <paramref name="work"/> sent to <paramref name="database"/>. The work must leave nothing of the
    /// system under test running: a backend publishes its commits only once its connection closes.
    /// </summary>
    public static async Task<SqlCounters> CountAsync(PostgresCluster postgres, string database, Func<Task> work, CancellationToken ct)
    {
        NpgsqlConnection.ClearAllPools();
        var before = await postgres.ReadCountersAsync(database, ct);
        await postgres.ResetStatementsAsync(ct);
        await work();
        NpgsqlConnection.ClearAllPools();
        var after = await postgres.ReadCountersAsync(database, ct);
        return after.Since(before);
    }
}
