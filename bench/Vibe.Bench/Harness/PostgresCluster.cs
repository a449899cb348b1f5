using Npgsql;

namespace Vibe.Bench.Harness;

/// <summary>
/// The benchmark's PostgreSQL cluster (started by bench/run.sh with pg_stat_statements preloaded). The system under
/// test connects as the cluster's owner; the benchmark watches through its own role, so its own queries never count.
/// </summary>
internal sealed class PostgresCluster
{
    public const string ObserverRole = "bench_observer";

    private readonly string _admin;

    public PostgresCluster(string admin) => _admin = admin;

    /// <summary>A fresh database; returns the connection string the system under test uses.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken ct)
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", ct);
        await ExecuteAsync($"CREATE DATABASE {name}", ct);
        await ExecuteAsync(
            $"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ObserverRole}') THEN CREATE ROLE {ObserverRole} LOGIN SUPERUSER; END IF; END $$",
            ct);
        await ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", ct);
        return new NpgsqlConnectionStringBuilder(_admin) { Database = name }.ConnectionString;
    }

    /// <summary>The same database seen through the observer role (its queries are left out of every count).</summary>
    public string ObserverConnection(string database) =>
        new NpgsqlConnectionStringBuilder(_admin) { Database = database, Username = ObserverRole, Pooling = false }.ConnectionString;

    public async Task DropDatabaseAsync(string name, CancellationToken ct)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", ct);
    }

    /// <summary>
    /// Statement and commit counters for one database. Call it only when the system under test has closed its
    /// connections: a backend publishes its transaction counts when it exits (or within seconds when idle).
    /// </summary>
    public async Task<SqlCounters> ReadCountersAsync(string database, CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(1200), ct);
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync(ct);
        await using (var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", connection))
        {
            await clear.ExecuteNonQueryAsync(ct);
        }

        long commits;
        await using (var command = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = @db", connection))
        {
            command.Parameters.AddWithValue("db", database);
            commits = (long)(await command.ExecuteScalarAsync(ct))!;
        }

        // Statements the application sent: everything but transaction control and session settings, which
        // are counted as commits (or not at all). \y is a word boundary in PostgreSQL's regular expressions (\b is a backspace).
        var statements = new List<StatementCount>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT s.query, s.calls
            FROM pg_stat_statements s
            JOIN pg_database d ON d.oid = s.dbid
            JOIN pg_roles r ON r.oid = s.userid
            WHERE d.datname = @db AND r.rolname <> @observer
              AND s.query !~* '^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE|DISCARD|SET|SHOW|RESET)\y'
            ORDER BY s.calls DESC
            """, connection))
        {
            command.Parameters.AddWithValue("db", database);
            command.Parameters.AddWithValue("observer", ObserverRole);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                statements.Add(new StatementCount(reader.GetString(0), reader.GetInt64(1)));
            }
        }

        // The observer's own polls commit in the same database: one autocommit transaction per statement.
        long observerStatements;
        await using (var command = new NpgsqlCommand(
            """
            SELECT coalesce(sum(s.calls), 0)::bigint FROM pg_stat_statements s
            JOIN pg_database d ON d.oid = s.dbid JOIN pg_roles r ON r.oid = s.userid
            WHERE d.datname = @db AND r.rolname = @observer
            """, connection))
        {
            command.Parameters.AddWithValue("db", database);
            command.Parameters.AddWithValue("observer", ObserverRole);
            observerStatements = (long)(await command.ExecuteScalarAsync(ct))!;
        }

        return new SqlCounters(statements.Sum(s => s.Calls), commits, observerStatements, statements);
    }

    /// <summary>Forgets every statement count in the cluster (pg_stat_statements is cluster-wide).</summary>
    public Task ResetStatementsAsync(CancellationToken ct) => ExecuteAsync("SELECT pg_stat_statements_reset()", ct);

    public string ServerVersion()
    {
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        return connection.PostgreSqlVersion.ToString();
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

internal sealed record StatementCount(string Query, long Calls);

/// <summary>What a database saw: statements (by text) and committed transactions.</summary>
internal sealed record SqlCounters(long Statements, long Commits, long ObserverStatements, IReadOnlyList<StatementCount> ByQuery)
{
    /// <summary>
    /// What the system under test did between two readings, with the statement counts reset in between: the
    /// commit delta less the observer's own (each of its statements is one autocommit transaction).
    /// </summary>
    public SqlCounters Since(SqlCounters before) => this with { Commits = Commits - before.Commits - ObserverStatements };

    public double StatementsPer(int items) => (double)Statements / items;

    public double CommitsPer(int items) => (double)Commits / items;

    /// <summary>The statements that dominate, for the report: "calls/item × query".</summary>
    public IEnumerable<string> Top(int items, int count = 8) =>
        ByQuery.Take(count).Select(s => $"{(double)s.Calls / items:0.###} × `{Shorten(s.Query)}`");

    private static string Shorten(string query)
    {
        var flat = string.Join(' ', query.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)).Replace("`", "'", StringComparison.Ordinal);
        return flat.Length <= 110 ? flat : flat[..107] + "...";
    }
}
