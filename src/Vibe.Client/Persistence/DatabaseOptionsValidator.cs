using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Vibe.Infrastructure.Persistence;

/// <summary>Reports every problem with the database settings at once, in the .env keys' own names.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var failures = new List<string>();
        var provider = options.Provider?.Trim().ToLowerInvariant();
        if (provider is null || !DatabaseProviders.All.Contains(provider))
        {
            failures.Add($"VIBE_DB_PROVIDER is '{options.Provider}'; use one of {string.Join(", ", DatabaseProviders.All)}");
        }
        else if (ServerStores.MissingPackage(provider) is { } missing)
        {
            failures.Add(missing);
        }
        else if (provider != DatabaseProviders.Sqlite && string.IsNullOrWhiteSpace(options.Connection))
        {
            failures.Add($"VIBE_DB_CONNECTION is required when VIBE_DB_PROVIDER is {provider}");
        }
        else if (!string.IsNullOrWhiteSpace(options.Connection) && ConnectionStringProblem(provider, options.Connection) is { } problem)
        {
            // The driver's own words name the key or the position, never the value: the string may hold a password.
            failures.Add($"VIBE_DB_CONNECTION is not a valid {provider} connection string: {problem}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? ConnectionStringProblem(string provider, string connection)
    {
        try
        {
            _ = provider switch
            {
                DatabaseProviders.Postgres => new NpgsqlConnectionStringBuilder(connection).ConnectionString,
                DatabaseProviders.Sqlite => new SqliteConnectionStringBuilder(connection).ConnectionString,
                _ => ServerStores.Find(provider)!.ParseConnectionString(connection),
            };
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return ex.Message.ReplaceLineEndings(" ").Replace(" (Parameter 'keyword')", "", StringComparison.Ordinal).Trim();
        }
    }
}
