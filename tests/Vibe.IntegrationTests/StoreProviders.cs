using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>The real databases the store tests run against: the embedded SQLite file and a real PostgreSQL server.</summary>
public static class StoreProviders
{
    public static TheoryData<string> All => new() { "sqlite", "postgres" };

    /// <summary>Environment for a workspace on <paramref name="provider"/>; disposes the PostgreSQL database with the returned handle.</summary>
    public static async Task<(Dictionary<string, string> Environment, IAsyncDisposable? Database)> ForAsync(string provider)
    {
        if (provider == "sqlite")
        {
            return (new Dictionary<string, string> { ["VIBE_HOST_NAME"] = "test-host" }, null);
        }

        var database = await PostgresDatabase.CreateAsync();
        return (new Dictionary<string, string>
        {
            ["VIBE_DB_PROVIDER"] = "postgres",
            ["VIBE_DB_CONNECTION"] = database.ConnectionString,
            ["VIBE_HOST_NAME"] = "test-host",
        }, database);
    }
}
