using Microsoft.Data.Sqlite;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Vibe.Application.Common.Interfaces;

namespace Vibe.Infrastructure.Persistence;

/// <summary>The database errors worth a retry, named per provider.</summary>
internal sealed class TransientErrorDetector : ITransientErrorDetector
{
    // SQL Server: deadlock victim, lock timeout, connection and failover errors.
    private static readonly HashSet<int> SqlServerTransientNumbers = [1205, 1222, -2, 53, 233, 10053, 10054, 10060, 40197, 40501, 40613, 49918, 49919, 49920, 4060, 4221];

    public bool IsTransient(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => false,
        DbUpdateException { InnerException: { } inner } => IsTransient(inner),
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        NpgsqlException npgsql => npgsql.IsTransient,
        SqlException sql => sql.Errors.Cast<SqlError>().Any(error => SqlServerTransientNumbers.Contains(error.Number)),
        TimeoutException => true,
        _ => false,
    };
}
