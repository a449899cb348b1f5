using Cocona;
using Microsoft.Extensions.DependencyInjection;
using Vibe.Infrastructure.Persistence;

namespace Vibe.Host.Cli;

[ReportErrors]
internal sealed class DatabaseCommands
{
    private readonly IServiceProvider _services;
    private readonly CommandSession _session;

    public DatabaseCommands(IServiceProvider services, CommandSession session)
    {
        _services = services;
        _session = session;
    }

    [Command("migrate", Description = "Create or upgrade vibe's tables in the configured database")]
    public async Task<int> Migrate()
    {
        var applied = await _services.GetRequiredService<DatabaseMigrator>().MigrateAsync(_session.Cancellation);
        Console.Out.WriteLine(applied.Count == 0 ? "the database is up to date" : $"applied {applied.Count} migration(s): {string.Join(", ", applied)}");
        return ExitCodes.Success;
    }
}
