using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Vibe.Application.Common.Interfaces;

namespace Vibe.Infrastructure.Persistence;

/// <summary>The database errors worth a retry, named per provider.</summary>
internal sealed class TransientErrorDetector(IEnumerable<IServerStore> serverStores) : ITransientErrorDetector
{
    public bool IsTransient(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => false,
        DbUpdateException { InnerException: { } inner } => IsTransient(inner),
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        NpgsqlException npgsql => npgsql.IsTransient,
        TimeoutException => true,
        _ => serverStores.Any(store => store.IsTransient(exception)),
    };
}
