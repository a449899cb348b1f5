using Mediator;
using Vibe.Application.Common.Errors;
using Vibe.Domain.Robots;

namespace Vibe.Application.Runs.PurgeHistory;

/// <summary>
/// `vibe purge [--older-than 30d]`: removes evidence folders, the evidence copied into the store, log lines and sent
/// mails older than an age (default: the retention setting); run rows keep their summary.
/// </summary>
/// <param name="OlderThan">An age as written (30d, 12h, 90m); null for the retention setting.</param>
public sealed record PurgeHistory(string? OlderThan) : ICommand<PurgeResult>;

/// <summary>What a purge removed, and from before when.</summary>
public sealed record PurgeResult(DateTime Cutoff, int EvidenceFolders, int LogLines, int SentMails)
{
    /// <summary>Evidence files removed from the store (copies of finished runs' evidence, ADR 0022).</summary>
    public int StoredFiles { get; init; }

    /// <summary>The bytes those files held.</summary>
    public long StoredBytes { get; init; }
}

/// <summary>The purge itself (files and rows), implemented by the infrastructure; the service runs it on a timer too.</summary>
public interface IRunRetention
{
    /// <summary>VIBE_RETENTION_DAYS: how many days are kept; 0 keeps everything.</summary>
    int RetentionDays { get; }

    Task<PurgeResult> PurgeAsync(TimeSpan olderThan, CancellationToken cancellationToken);
}

public sealed class PurgeHistoryHandler(IRunRetention retention) : ICommandHandler<PurgeHistory, PurgeResult>
{
    public async ValueTask<PurgeResult> Handle(PurgeHistory command, CancellationToken cancellationToken) =>
        await retention.PurgeAsync(Age(command.OlderThan), cancellationToken);

    private TimeSpan Age(string? olderThan)
    {
        if (olderThan is not null)
        {
            return Duration.TryParse(olderThan, out var age)
                ? age
                : throw VibeException.Invalid($"--older-than '{olderThan}' is not an age: use for example 30d, 12h or 90m");
        }

        return retention.RetentionDays > 0
            ? TimeSpan.FromDays(retention.RetentionDays)
            : throw VibeException.Invalid("VIBE_RETENTION_DAYS is 0 (keep everything): say what to remove with --older-than, for example --older-than 30d");
    }
}
