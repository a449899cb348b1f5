using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vibe.Application.Runs.PurgeHistory;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Persistence;

namespace Vibe.Infrastructure.Retention;

/// <summary>
/// Removes what grows without bound: the evidence folders of runs that finished before the cut-off (and their
/// evidence copied into the store), run log lines written before it, and mails sent before it. Run rows stay as they are (status, error, times, evidence path),
/// so history and "2/3" attempts still read the same; unsent mails are never removed.
/// </summary>
public sealed class RunRetention : IRunRetention
{
    private const int Batch = 500;
    private readonly IVibeDbContextFactory _contexts;
    private readonly VibeLocations _locations;
    private readonly TimeProvider _time;
    private readonly ILogger<RunRetention> _logger;
    private readonly IOptions<RetentionOptions> _options;

    public RunRetention(IVibeDbContextFactory contexts, VibeLocations locations, TimeProvider time, ILogger<RunRetention> logger, IOptions<RetentionOptions> options)
    {
        _contexts = contexts;
        _locations = locations;
        _time = time;
        _logger = logger;
        _options = options;
    }

    public int RetentionDays => _options.Value.Days;

    /// <summary>Removes everything older than <paramref name="olderThan"/>; returns what was removed.</summary>
    public async Task<PurgeResult> PurgeAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(olderThan, TimeSpan.Zero);
        var cutoff = _time.GetUtcNow().UtcDateTime - olderThan;
        var (folders, storedFiles, storedBytes) = await RemoveEvidenceAsync(cutoff, cancellationToken);

        await using var db = _contexts.Create();
        var logLines = await db.RunLogs.Where(line => line.Time < cutoff).ExecuteDeleteAsync(cancellationToken);
        var mails = await db.OutboxMails.Where(mail => mail.SentAt != null && mail.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        RetentionLog.Purged(_logger, folders, storedFiles, storedBytes, logLines, mails, cutoff);
        return new PurgeResult(cutoff, folders, logLines, mails) { StoredFiles = storedFiles, StoredBytes = storedBytes };
    }

    private async Task<(int Folders, int StoredFiles, long StoredBytes)> RemoveEvidenceAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        var removed = 0;
        var storedFiles = 0;
        long storedBytes = 0;
        long after = 0;
        while (true)
        {
            List<long> ids;
            await using (var db = _contexts.Create())
            {
                ids = await db.Runs.AsNoTracking()
                    .Where(run => run.Id > after && run.FinishedAt != null && run.FinishedAt < cutoff)
                    .OrderBy(run => run.Id)
                    .Select(run => run.Id)
                    .Take(Batch)
                    .ToListAsync(cancellationToken);

                // The copies in the store go with the folders, on whichever host purges: every host shares them.
                // Found by the (RunId, Name) index; the sum reads the lengths, not the contents.
                var stored = db.RunFiles.Where(file => ids.Contains(file.RunId));
                storedBytes += await stored.SumAsync(file => (long?)file.Length, cancellationToken) ?? 0;
                storedFiles += await stored.ExecuteDeleteAsync(cancellationToken);
            }

            foreach (var id in ids)
            {
                // The conventional folder only, never a path read from the database: a purge must not reach outside the data folder.
                var folder = Path.Combine(_locations.RunsDirectory, id.ToString(CultureInfo.InvariantCulture), "evidence");
                if (Directory.Exists(folder) && TryDelete(folder))
                {
                    removed++;
                }
            }

            if (ids.Count < Batch)
            {
                return (removed, storedFiles, storedBytes);
            }

            after = ids[^1];
        }
    }

    private bool TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            RetentionLog.FolderNotRemoved(_logger, folder, ex.Message);
            return false;
        }
    }
}

/// <summary>What a purge removed, and the cut-off it used (UTC).</summary>
