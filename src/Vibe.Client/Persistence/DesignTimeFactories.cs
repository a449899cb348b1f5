using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Vibe.Infrastructure.Persistence;

// Used by `dotnet ef migrations add` only; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteVibeDbContext>
{
    public SqliteVibeDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteVibeDbContext>();
        DatabaseRegistration.ConfigureSqlite(builder, "Data Source=design-time.db");
        return new SqliteVibeDbContext(builder.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresVibeDbContext>
{
    public PostgresVibeDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresVibeDbContext>();
        DatabaseRegistration.ConfigurePostgres(builder, "Host=localhost;Database=vibe;Username=vibe");
        return new PostgresVibeDbContext(builder.Options);
    }
}
