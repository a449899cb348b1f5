using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Domain.Runs;

namespace Vibe.Application.Runs.StoreRunEvidence;

/// <summary>
/// Copies a failed run's evidence folder (runs/&lt;id&gt;/evidence/ of this host) into the store, so every host sharing
/// the store can show it. Bounded by <see cref="EvidenceStoreLimit"/>: the smallest files go in first, so the biggest
/// (trace.zip) are the ones left out when the run's evidence is over the limit; each file left out gets a log line
/// naming the host that keeps it. The files are stored as they are on disk: they were masked when written (ADR 0012).
/// The rows and the log lines are saved together; a run that already has stored files is not copied again, so a
/// replay of the outcome (ADR 0010) copies once.
/// </summary>
public sealed class RunEvidenceCopier(IRunFiles files, EvidenceStoreLimit limit, TimeProvider time, ISecretMasker masker)
{
    /// <summary>At most this many files of a run are looked at, as the run's file list shows.</summary>
    public const int MaxFiles = 200;

    /// <summary>The store's limit on a file's name (RunFiles.Name).</summary>
    public const int MaxNameLength = 400;

    /// <summary>Copies and saves; returns the log lines it saved (none when there was nothing to copy).</summary>
    public async Task<IReadOnlyList<RunLogEntry>> CopyAsync(IVibeDbContext db, long runId, string host, CancellationToken cancellationToken)
    {
        var local = LocalEvidence(runId);
        if (local.Count == 0 || await db.RunFiles.AnyAsync(file => file.RunId == runId, cancellationToken))
        {
            return [];
        }

        var now = time.GetUtcNow().UtcDateTime;
        var lines = new List<RunLogEntry>();
        void Line(RunLogLevel level, string message) => lines.Add(new RunLogEntry(runId, time.GetUtcNow().UtcDateTime, level, null, masker.Mask(message)));

        long used = 0;
        var stored = 0;
        foreach (var (name, file) in local.OrderBy(pair => pair.File.Length).ThenBy(pair => pair.Name, StringComparer.Ordinal))
        {
            if (name.Length > MaxNameLength)
            {
                Line(RunLogLevel.Warning, KeptOnHostLine.Format(host, name, file.Length, $"its path is longer than the store's {MaxNameLength} characters"));
                continue;
            }

            if (limit.IsOff)
            {
                Line(RunLogLevel.Info, KeptOnHostLine.Format(host, name, file.Length, $"{limit.Setting} turns the copy off"));
                continue;
            }

            if (used + file.Length > limit.MaxBytes)
            {
                Line(RunLogLevel.Warning, KeptOnHostLine.Format(host, name, file.Length, $"the run's evidence is over {limit.Setting}"));
                continue;
            }

            byte[] content;
            try
            {
                content = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Line(RunLogLevel.Warning, KeptOnHostLine.Format(host, name, file.Length, $"could not be read: {ex.Message}"));
                continue;
            }

            if (used + content.LongLength > limit.MaxBytes)
            {
                Line(RunLogLevel.Warning, KeptOnHostLine.Format(host, name, content.LongLength, $"the run's evidence is over {limit.Setting}"));
                continue;
            }

            used += content.LongLength;
            stored++;
            db.RunFiles.Add(new RunFile(runId, name, content, now));
        }

        if (stored > 0)
        {
            Line(RunLogLevel.Info, $"evidence stored for every host sharing the store: {stored} file(s), {KeptOnHostLine.Size(used)}");
        }

        db.RunLogs.AddRange(lines);
        await db.SaveChangesAsync(cancellationToken);
        return lines;
    }

    /// <summary>The files of the run's evidence folder on this host, by their path inside the run's folder.</summary>
    private List<(string Name, FileInfo File)> LocalEvidence(long runId)
    {
        if (files.ExistingRunFolder(runId) is not { } root || !Directory.Exists(Path.Combine(root, "evidence")))
        {
            return [];
        }

        return new DirectoryInfo(Path.Combine(root, "evidence"))
            .EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Select(file => (Name: Path.GetRelativePath(root, file.FullName).Replace('\\', '/'), File: file))
            .OrderBy(pair => pair.Name, StringComparer.Ordinal)
            .Take(MaxFiles)
            .ToList();
    }
}
