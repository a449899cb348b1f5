using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Vibe.Bench.History;

/// <summary>A statement's plan and what it means for a big history.</summary>
internal sealed record QueryPlan(string Label, string Sql, IReadOnlyList<string> Lines, string Verdict, bool FullScan);

/// <summary>EXPLAIN QUERY PLAN on SQLite, EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, of the statements vibe really sent.</summary>
internal static partial class QueryPlans
{
    public static async Task<QueryPlan> ExplainAsync(HistoryStore store, CapturedCommand command, CancellationToken ct) =>
        store.IsSqlite ? await ExplainSqliteAsync(store.Connection, command, ct) : await ExplainPostgresAsync(store.Connection, command, ct);

    /// <summary>One line of SQL for the report, with the select list elided (the plan does not depend on it).</summary>
    public static string Flatten(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return SelectList().Replace(flat, "SELECT … FROM ");
    }

    private static async Task<QueryPlan> ExplainSqliteAsync(string connection, CapturedCommand command, CancellationToken ct)
    {
        await using var db = new SqliteConnection(connection);
        await db.OpenAsync(ct);
        await using var explain = db.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        AddParameters(explain, command);
        var depth = new Dictionary<long, int> { [0] = -1 };
        var lines = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt64(0);
                var parent = reader.GetInt64(1);
                depth[id] = depth.GetValueOrDefault(parent, -1) + 1;
                lines.Add(new string(' ', depth[id] * 3) + "|--" + reader.GetString(3));
            }
        }

        // "SCAN t" reads a whole table or index, unless it walks it in the ORDER BY's order and a LIMIT stops it early.
        var scans = lines.Select(l => l.TrimStart(' ', '|', '-')).Where(l => l.StartsWith("SCAN ", StringComparison.Ordinal) && !l.StartsWith("SCAN CONSTANT ROW", StringComparison.Ordinal)).ToList();
        var sorts = lines.Any(l => l.Contains("USE TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
        var limited = command.Sql.Contains("LIMIT", StringComparison.OrdinalIgnoreCase);
        var seeks = lines.Select(l => l.TrimStart(' ', '|', '-')).Where(l => l.StartsWith("SEARCH ", StringComparison.Ordinal)).Select(l => l.Replace("SEARCH ", "", StringComparison.Ordinal)).ToList();
        string verdict;
        var full = false;
        if (scans.Count == 0)
        {
            verdict = "seeks only: " + string.Join("; ", seeks);
        }
        else if (!command.Sql.Contains("\"TaskRuns\"", StringComparison.Ordinal) && !command.Sql.Contains("\"RunLogs\"", StringComparison.Ordinal))
        {
            // RobotPauses holds one row per paused robot: reading it whole is what it is for.
            verdict = $"no scan of the runs or log table ({string.Join("; ", scans)} of a small table)";
        }
        else if (limited && !sorts)
        {
            verdict = $"ordered walk stopped by LIMIT ({string.Join("; ", scans)}): reads only the rows it returns, not a full scan";
        }
        else
        {
            full = true;
            verdict = $"FULL SCAN: {string.Join("; ", scans)}";
        }

        return new QueryPlan(command.Label, command.Sql, lines, verdict, full);
    }

    private static async Task<QueryPlan> ExplainPostgresAsync(string connection, CapturedCommand command, CancellationToken ct)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync(ct);

        // ANALYZE executes the statement: a claim's UPDATE is rolled back afterwards.
        await using var transaction = await db.BeginTransactionAsync(ct);
        await using var explain = db.CreateCommand();
        explain.Transaction = transaction;
        explain.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + command.Sql.Trim().TrimEnd(';');
        AddParameters(explain, command);
        var lines = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                lines.Add(reader.GetString(0));
            }
        }

        await transaction.RollbackAsync(ct);
        var seqScans = lines.Select(l => SeqScan().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().ToList();
        var indexes = lines.Select(l => IndexUse().Match(l)).Where(m => m.Success).Select(m => $"{m.Groups[1].Value} on {m.Groups[2].Value}").Distinct().ToList();
        var execution = lines.FirstOrDefault(l => l.StartsWith("Execution Time", StringComparison.Ordinal))?.ToLowerInvariant() ?? "";
        var big = seqScans.Where(t => t is "\"TaskRuns\"" or "\"RunLogs\"" or "TaskRuns" or "RunLogs").ToList();
        var verdict = big.Count > 0
            ? $"FULL SCAN of {string.Join(", ", big)}; {execution}"
            : (indexes.Count > 0 ? "index: " + string.Join("; ", indexes) : "no scan of the runs or log table") + (seqScans.Count > 0 ? $" (seq scan of the small {string.Join(", ", seqScans)})" : "") + "; " + execution;
        return new QueryPlan(command.Label, command.Sql, lines, verdict, big.Count > 0);
    }

    private static void AddParameters(DbCommand explain, CapturedCommand command)
    {
        foreach (var parameter in command.Parameters)
        {
            explain.Parameters.Add(CommandCapture.Copy(parameter));
        }
    }

    [GeneratedRegex(@"SELECT (?!…).*? FROM ")]
    private static partial Regex SelectList();

    [GeneratedRegex(@"Seq Scan on (\S+)")]
    private static partial Regex SeqScan();

    [GeneratedRegex(@"(Index Only Scan(?: Backward)?|Index Scan(?: Backward)?|Bitmap Index Scan) (?:using|on) (\S+)")]
    private static partial Regex IndexUse();
}
