using Npgsql;

namespace Vibe.Infrastructure.Persistence;

/// <summary>What vibe changes in a PostgreSQL connection string before using it.</summary>
internal static class PostgresConnections
{
    /// <summary>
    /// Skips the DISCARD ALL that Npgsql sends when a pooled connection is reused: vibe keeps no session state
    /// (no temporary tables, SET, advisory locks or prepared statements), and the reset cost a statement and a
    /// commit on each of the four connection uses of every run (docs/performance.md). A connection string that
    /// names "No Reset On Close" itself keeps its own choice.
    /// </summary>
    public static string WithDefaults(string connection)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection);
        if (!connection.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase)
            && !connection.Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
