namespace Vibe.Infrastructure.Queue;

/// <summary>
/// The claim, one statement per provider: pick the next due Pending run (priority, then due time, then id, which
/// is the order of IX_TaskRuns_Claim) and mark it Running for this host in the same statement, so two workers
/// never get the same run. Each returns the claimed row whole, so the worker need not read it again (one statement
/// fewer per run, docs/performance.md). {excluded} becomes "AND RobotName NOT IN (...)" when robots are pinned elsewhere.
/// </summary>
public static class ClaimStatements
{
    public const string Sqlite = """
        UPDATE "TaskRuns"
        SET "Status" = 'Running', "Host" = @host, "StartedAt" = @now, "LeaseExpiresAt" = @lease
        WHERE "Id" = (
            SELECT "Id" FROM "TaskRuns"
            WHERE "Status" = 'Pending' AND "DueAt" <= @now {excluded}
            ORDER BY "Priority", "DueAt", "Id"
            LIMIT 1)
          AND "Status" = 'Pending'
        RETURNING *;
        """;

    // SKIP LOCKED: concurrent workers each take a different row instead of queuing on the same one.
    public const string Postgres = """
        UPDATE "TaskRuns"
        SET "Status" = 'Running', "Host" = @host, "StartedAt" = @now, "LeaseExpiresAt" = @lease
        WHERE "Id" = (
            SELECT "Id" FROM "TaskRuns"
            WHERE "Status" = 'Pending' AND "DueAt" <= @now {excluded}
            ORDER BY "Priority", "DueAt", "Id"
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
        RETURNING *;
        """;

    // READPAST skips rows other workers have locked; UPDLOCK holds ours until the update; the CTE keeps the order.
    public const string SqlServer = """
        WITH next AS (
            SELECT TOP (1) [Id], [Status], [Host], [StartedAt], [LeaseExpiresAt]
            FROM [TaskRuns] WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE [Status] = N'Pending' AND [DueAt] <= @now {excluded}
            ORDER BY [Priority], [DueAt], [Id])
        UPDATE next
        SET [Status] = N'Running', [Host] = @host, [StartedAt] = @now, [LeaseExpiresAt] = @lease
        OUTPUT inserted.*;
        """;

    /// <summary>The statement for a provider with the exclusion filled in for <paramref name="excludedCount"/> robots (@x0, @x1, ...).</summary>
    public static string For(string provider, int excludedCount)
    {
        var (template, column) = provider switch
        {
            Persistence.DatabaseProviders.Postgres => (Postgres, "\"RobotName\""),
            Persistence.DatabaseProviders.SqlServer => (SqlServer, "[RobotName]"),
            _ => (Sqlite, "\"RobotName\""),
        };
        var excluded = excludedCount == 0
            ? ""
            : $"AND {column} NOT IN ({string.Join(", ", Enumerable.Range(0, excludedCount).Select(i => $"@x{i}"))})";
        return template.Replace("{excluded}", excluded, StringComparison.Ordinal);
    }
}
