using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Vibe.Bench.History;

/// <summary>What was generated and how long it took.</summary>
internal sealed record LoadResult(long Runs, long LogLines, TimeSpan Elapsed, double SizeMiB)
{
    /// <summary>The generated mix as counted back from the store, e.g. "Succeeded 90.0%, ...; Scheduled 87.1%, ...".</summary>
    public string Mix { get; init; } = "";
}

/// <summary>Fills a migrated store with <see cref="HistoryData"/>'s history, one set-based statement per table.</summary>
internal static class HistoryLoader
{
    public static async Task<LoadResult> LoadSqliteAsync(string databasePath, int runs, DateTimeOffset now, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var (t0, step) = HistoryData.Timeline(now, runs);
        TimeSpan elapsed;
        string mix;
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(ct);

            // A bulk load may lose everything on a crash; nobody else uses the file yet, and WAL comes back at the end.
            await ExecuteAsync(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -262144", ct);
            static string Time(string seconds) => $"strftime('%Y-%m-%d %H:%M:%S', {seconds}, 'unixepoch')";
            var parameters = Parameters(t0, step, runs, now);
            await ExecuteAsync(connection, "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < @runs)\n" + HistoryData.RunsSelect("s", Time), ct, parameters);
            Console.WriteLine($"history/sqlite: runs written at {clock.Elapsed.TotalSeconds:0.0} s");

            // CROSS JOIN keeps the runs as the outer loop in SQLite, so log ids and the (RunId, Id) index are written in order.
            await ExecuteAsync(
                connection,
                "WITH l(n) AS (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9))\n" + HistoryData.LogsSelect("\"TaskRuns\" AS r CROSS JOIN l", Time),
                ct,
                parameters);
            Console.WriteLine($"history/sqlite: log lines written at {clock.Elapsed.TotalSeconds:0.0} s");
            await ExecuteAsync(connection, HistoryData.PendingInsert(Time), ct, parameters);
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL", ct);
            elapsed = clock.Elapsed;
            mix = await MixAsync(connection, ct);
        }

        var size = new FileInfo(databasePath).Length / 1024.0 / 1024.0;
        return new LoadResult(runs + HistoryData.PendingRuns, (long)runs * HistoryData.LinesPerRun, elapsed, size) { Mix = mix };
    }

    public static async Task<LoadResult> LoadPostgresAsync(string connectionString, int runs, DateTimeOffset now, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var (t0, step) = HistoryData.Timeline(now, runs);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);

        // The data is consistent by construction: skip the per-row foreign-key triggers of the log table.
        await ExecuteAsync(connection, "SET session_replication_role = replica", ct);
        static string Time(string seconds) => $"to_timestamp({seconds})";
        var parameters = Parameters(t0, step, runs, now);
        await ExecuteAsync(connection, HistoryData.RunsSelect("generate_series(1::bigint, @runs) AS g(i)", Time), ct, parameters);
        Console.WriteLine($"history/postgres: runs written at {clock.Elapsed.TotalSeconds:0.0} s");
        await ExecuteAsync(connection, HistoryData.LogsSelect("\"TaskRuns\" AS r CROSS JOIN LATERAL generate_series(0, 9) AS l(n)", Time), ct, parameters);
        Console.WriteLine($"history/postgres: log lines written at {clock.Elapsed.TotalSeconds:0.0} s");
        await ExecuteAsync(connection, HistoryData.PendingInsert(Time), ct, parameters);
        await ExecuteAsync(connection, "SET session_replication_role = DEFAULT", ct);
        await ExecuteAsync(connection, """SELECT setval(pg_get_serial_sequence('"TaskRuns"', 'Id'), (SELECT max("Id") FROM "TaskRuns"))""", ct);
        await ExecuteAsync(connection, """SELECT setval(pg_get_serial_sequence('"RunLogs"', 'Id'), (SELECT max("Id") FROM "RunLogs"))""", ct);

        // What autovacuum would have done by the time a history is this big: statistics and the visibility map.
        await ExecuteAsync(connection, "VACUUM ANALYZE \"TaskRuns\"", ct);
        await ExecuteAsync(connection, "VACUUM ANALYZE \"RunLogs\"", ct);
        var elapsed = clock.Elapsed;
        await using var sizeCommand = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        var size = (long)(await sizeCommand.ExecuteScalarAsync(ct))! / 1024.0 / 1024.0;
        return new LoadResult(runs + HistoryData.PendingRuns, (long)runs * HistoryData.LinesPerRun, elapsed, size) { Mix = await MixAsync(connection, ct) };
    }

    /// <summary>Counts the statuses and triggers back, so the report states the mix that was measured, not the one intended.</summary>
    private static async Task<string> MixAsync(DbConnection connection, CancellationToken ct)
    {
        var parts = new List<string>();
        foreach (var column in new[] { "Status", "Trigger" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"{column}\", count(*) FROM \"TaskRuns\" GROUP BY \"{column}\" ORDER BY count(*) DESC";
            command.CommandTimeout = 0;
            var counts = new List<(string Value, long Count)>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    counts.Add((reader.GetString(0), reader.GetInt64(1)));
                }
            }

            var total = counts.Sum(c => c.Count);
            parts.Add(string.Join(", ", counts.Select(c => $"{c.Value} {100.0 * c.Count / total:0.0}%")));
        }

        return string.Join("; ", parts);
    }

    private static List<(string Name, object Value)> Parameters(long t0, long step, int runs, DateTimeOffset now) =>
        [("@t0", t0), ("@step", step), ("@runs", (long)runs), ("@now", now.ToUnixTimeSeconds()), ("@weekly", HistoryData.WeeklyEvery(runs))];

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct, IEnumerable<(string Name, object Value)>? parameters = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters ?? [])
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync(ct);
    }
}
