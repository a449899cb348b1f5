using Cocona;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vibe.Application.Common.Errors;
using Vibe.Domain.Robots;
using Vibe.Infrastructure.Retention;

namespace Vibe.Host.Cli;

[ReportErrors]
internal sealed class PurgeCommands
{
    private readonly CommandSession _session;

    public PurgeCommands(CommandSession session) => _session = session;

    [Command("purge", Description = "Remove evidence folders, run log lines and sent mails older than an age; run history stays")]
    public async Task<int> Purge(
        [Option("older-than", Description = "An age such as 30d, 12h or 90m (default: VIBE_RETENTION_DAYS days)")] string? olderThan = null)
    {
        var (scope, _) = await _session.OpenAsync();
        await using (scope)
        {
            var age = Age(olderThan, scope.ServiceProvider.GetRequiredService<IOptions<RetentionOptions>>().Value);
            var result = await scope.ServiceProvider.GetRequiredService<RunRetention>().PurgeAsync(age, _session.Cancellation);
            Console.Out.WriteLine(
                $"removed {result.EvidenceFolders} evidence folder(s), {result.LogLines} log line(s) and {result.SentMails} sent mail(s) " +
                $"from before {result.Cutoff:yyyy-MM-dd HH:mm:ss} UTC; the runs' history is kept");
            return ExitCodes.Success;
        }
    }

    private static TimeSpan Age(string? olderThan, RetentionOptions retention)
    {
        if (olderThan is not null)
        {
            return Duration.TryParse(olderThan, out var age)
                ? age
                : throw VibeException.Invalid($"--older-than '{olderThan}' is not an age: use for example 30d, 12h or 90m");
        }

        return retention.Days > 0
            ? TimeSpan.FromDays(retention.Days)
            : throw VibeException.Invalid("VIBE_RETENTION_DAYS is 0 (keep everything): say what to remove with --older-than, for example --older-than 30d");
    }
}
