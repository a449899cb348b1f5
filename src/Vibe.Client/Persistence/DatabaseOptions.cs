namespace Vibe.Infrastructure.Persistence;

/// <summary>The run store: VIBE_DB_PROVIDER and VIBE_DB_CONNECTION in .env.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>sqlite (default, embedded), sqlserver, or postgres.</summary>
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>The ADO.NET connection string; for SQLite it defaults to the data folder's vibe.db.</summary>
    public string? Connection { get; set; }
}

public static class DatabaseProviders
{
    public const string Sqlite = "sqlite";
    public const string SqlServer = "sqlserver";
    public const string Postgres = "postgres";

    public static readonly IReadOnlyList<string> All = [Sqlite, SqlServer, Postgres];
}
