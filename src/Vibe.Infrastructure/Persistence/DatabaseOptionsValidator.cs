using Microsoft.Extensions.Options;

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
        else if (provider != DatabaseProviders.Sqlite && string.IsNullOrWhiteSpace(options.Connection))
        {
            failures.Add($"VIBE_DB_CONNECTION is required when VIBE_DB_PROVIDER is {provider}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
