using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Vibe.Infrastructure.Persistence;

[assembly: ServerStore(typeof(SqlServerStore))]

namespace Vibe.Infrastructure.Persistence;

/// <summary>The run store's context on SQL Server; its migrations and compiled model live beside it.</summary>
public sealed class SqlServerVibeDbContext(DbContextOptions<SqlServerVibeDbContext> options) : VibeDbContext(options);

/// <summary>VIBE_DB_PROVIDER=sqlserver: the context, the connection string's check and the errors worth a retry.</summary>
internal sealed class SqlServerStore : IServerStore
{
    // Deadlock victim, lock timeout, connection and failover errors.
    private static readonly HashSet<int> TransientNumbers = [1205, 1222, -2, 53, 233, 10053, 10054, 10060, 40197, 40501, 40613, 49918, 49919, 49920, 4060, 4221];

    public static void Configure(DbContextOptionsBuilder builder, string connection) => builder.UseSqlServer(connection);

    public void AddContext(IServiceCollection services, string connection) =>
        services.AddContext<SqlServerVibeDbContext>(builder => Configure(builder, connection));

    public string ParseConnectionString(string connection) => new SqlConnectionStringBuilder(connection).ConnectionString;

    public bool IsTransient(Exception exception) =>
        exception is SqlException sql && sql.Errors.Cast<SqlError>().Any(error => TransientNumbers.Contains(error.Number));
}

// Used by `dotnet ef migrations add` only; the connection string is never opened.
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerVibeDbContext>
{
    public SqlServerVibeDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerVibeDbContext>();
        SqlServerStore.Configure(builder, "Server=localhost;Database=vibe;Trusted_Connection=True;TrustServerCertificate=True");
        return new SqlServerVibeDbContext(builder.Options);
    }
}
