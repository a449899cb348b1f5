using Cocona;
using Vibe.Application.Runs.PurgeHistory;

namespace Vibe.Host.Cli;

[ReportErrors]
internal sealed class PurgeCommands(CommandSession session)
{
    [Command("purge", Description = "Remove evidence folders (and their copies in the store), run log lines and sent mails older than an age; run history stays")]
    public async Task<int> Purge(
        [Option("older-than", Description = "An age such as 30d, 12h or 90m (default: VIBE_RETENTION_DAYS days)")] string? olderThan = null)
    {
        var (scope, mediator) = await session.OpenAsync();
        await using (scope)
        {
            var result = await mediator.Send(new PurgeHistory(olderThan), session.Cancellation);
            Console.Out.WriteLine(
                $"removed {result.EvidenceFolders} evidence folder(s), {result.LogLines} log line(s), {result.StoredFiles} evidence file(s) from the store " +
                $"({Vibe.Application.Runs.StoreRunEvidence.KeptOnHostLine.Size(result.StoredBytes)} freed) and {result.SentMails} sent mail(s) " +
                $"from before {result.Cutoff:yyyy-MM-dd HH:mm:ss} UTC; the runs' history is kept");
            return ExitCodes.Success;
        }
    }
}
