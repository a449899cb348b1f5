using Cocona;
using Vibe.Application.Store.MigrateStore;

namespace Vibe.Host.Cli;

[ReportErrors]
internal sealed class DatabaseCommands(CommandSession session)
{
    [Command("migrate", Description = "Create or upgrade vibe's tables in the configured database")]
    public async Task<int> Migrate()
    {
        // No OpenAsync: it would create the embedded store first, which is this command's own job.
        var (scope, mediator) = session.OpenWithoutStore();
        await using (scope)
        {
            var applied = await mediator.Send(new MigrateStore(), session.Cancellation);
            Console.Out.WriteLine(applied.Count == 0 ? "the database is up to date" : $"applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return ExitCodes.Success;
        }
    }
}
