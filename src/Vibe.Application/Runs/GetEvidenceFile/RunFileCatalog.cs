using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Runs.StoreRunEvidence;

namespace Vibe.Application.Runs.GetEvidenceFile;

/// <summary>
/// One file of a run as this host sees it. <see cref="Here"/>: in this host's data folder. <see cref="Stored"/>: its
/// copy is in the store, so every host can serve it. Neither: it exists only on <see cref="Host"/>, the host that ran
/// the run (its length is then unknown here).
/// </summary>
public sealed record RunFileEntry(string Name, long? Length, bool Here, bool Stored, string? Host)
{
    /// <summary>Whether this host can serve the file (from its own folder or from the store).</summary>
    public bool Available => Here || Stored;

    public bool IsEvidence => Name.StartsWith("evidence/", StringComparison.Ordinal);
}

/// <summary>
/// Finds a run's files in the three places they can be: this host's run folder, the store's copies (RunFiles) and the
/// log lines of the copy naming the files left on the host that ran the run. Shared by the file list, the file
/// itself and `vibe status &lt;id&gt;`.
/// </summary>
public sealed class RunFileCatalog(IVibeDbContext db, IRunFiles files)
{
    public async Task<IReadOnlyList<RunFileEntry>> ListAsync(long runId, string? runHost, CancellationToken cancellationToken)
    {
        var entries = new Dictionary<string, RunFileEntry>(StringComparer.Ordinal);
        if (files.ExistingRunFolder(runId) is { } root)
        {
            foreach (var file in new DirectoryInfo(root).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
            {
                var name = Path.GetRelativePath(root, file.FullName).Replace('\\', '/');
                entries[name] = new RunFileEntry(name, file.Length, Here: true, Stored: false, runHost);
            }
        }

        var stored = await db.RunFiles.AsNoTracking()
            .Where(file => file.RunId == runId)
            .Select(file => new { file.Name, file.Length })
            .ToListAsync(cancellationToken);
        foreach (var file in stored)
        {
            entries[file.Name] = entries.TryGetValue(file.Name, out var local)
                ? local with { Stored = true }
                : new RunFileEntry(file.Name, file.Length, Here: false, Stored: true, runHost);
        }

        foreach (var (host, name) in await KeptOnHostAsync(runId, cancellationToken))
        {
            entries.TryAdd(name, new RunFileEntry(name, null, Here: false, Stored: false, host));
        }

        return entries.Values
            .OrderBy(entry => entry.IsEvidence ? 0 : 1)
            .ThenBy(entry => entry.Name, StringComparer.Ordinal)
            .Take(RunEvidenceCopier.MaxFiles)
            .ToList();
    }

    /// <summary>The files the evidence copy left on the host that ran the run, as its log lines name them.</summary>
    public async Task<IReadOnlyList<(string Host, string Name)>> KeptOnHostAsync(long runId, CancellationToken cancellationToken)
    {
        var lines = await db.RunLogs.AsNoTracking()
            .Where(line => line.RunId == runId && line.StepIndex == null && line.Message.StartsWith(KeptOnHostLine.Prefix))
            .Select(line => line.Message)
            .ToListAsync(cancellationToken);
        return lines.Select(KeptOnHostLine.Parse).OfType<(string Host, string Name)>().ToList();
    }

    /// <summary>The file in this host's run folder, or null when it is not there; a link is refused, not followed.</summary>
    public EvidenceFile? LocalFile(long runId, string relative)
    {
        if (files.ExistingRunFolder(runId) is not { } folder)
        {
            return null;
        }

        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw Outside(runId, relative);
        }

        var file = new FileInfo(full);
        if (!file.Exists)
        {
            return null;
        }

        if (file.LinkTarget is not null)
        {
            throw VibeException.Invalid($"'{relative}' of run {runId} is a link; only files inside the run's folder are served");
        }

        return new EvidenceFile(relative, file.Length, full, null);
    }

    /// <summary>
    /// The path with '/' between folders, or an error for any path that is not plainly inside the run's folder:
    /// empty, rooted, or with a "." or ".." part. The same rule for a path asked for and a name read from the store.
    /// </summary>
    public static string CheckedName(long runId, string path)
    {
        var relative = path.Replace('\\', '/');
        if (relative.Length == 0 || Path.IsPathRooted(relative) || relative.StartsWith('/') || relative.Split('/').Any(part => part is ".." or "." or ""))
        {
            throw Outside(runId, path);
        }

        return relative;
    }

    private static VibeException Outside(long runId, string path) =>
        VibeException.Invalid($"'{path}' is not a path inside run {runId}'s folder");
}
