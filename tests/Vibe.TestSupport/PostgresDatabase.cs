using Npgsql;

namespace Vibe.TestSupport;

/// <summary>
/// The throwaway PostgreSQL cluster that scripts/test.sh starts (VIBE_TEST_POSTGRES). Each caller gets its own
/// fresh database, dropped on dispose, so test classes never see each other's rows.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _adminConnection;

    private PostgresDatabase(string adminConnection, string name, string connectionString)
    {
        _adminConnection = adminConnection;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable("VIBE_TEST_POSTGRES")
            ?? throw new InvalidOperationException("VIBE_TEST_POSTGRES is not set: run the tests with `bash scripts/test.sh`, which starts a PostgreSQL cluster for them");
        var name = "vibe_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new PostgresDatabase(admin, name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
