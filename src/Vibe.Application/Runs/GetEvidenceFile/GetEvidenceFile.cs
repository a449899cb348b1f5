using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;

namespace Vibe.Application.Runs.GetEvidenceFile;

/// <summary>
/// A file of a run's folder (evidence, downloads) by its path inside that folder, for the dashboard to serve. Any path
/// that leads outside the run's folder (<c>../</c>, an absolute path, a link pointing elsewhere) is refused: the data
/// folder holds other runs' evidence and the store.
/// </summary>
public sealed record GetEvidenceFile(long RunId, string RelativePath) : IQuery<EvidenceFile>;

public sealed record EvidenceFile(string FullPath, string RelativePath, long Length);

/// <summary>The files of a run's folder, as paths inside it (at most 200, evidence first).</summary>
public sealed record ListRunFiles(long RunId) : IQuery<IReadOnlyList<EvidenceFile>>;

public sealed class GetEvidenceFileHandler(IVibeDbContext db, IRunFiles files)
    : IQueryHandler<GetEvidenceFile, EvidenceFile>, IQueryHandler<ListRunFiles, IReadOnlyList<EvidenceFile>>
{
    public async ValueTask<EvidenceFile> Handle(GetEvidenceFile query, CancellationToken cancellationToken)
    {
        var root = await RootAsync(query.RunId, cancellationToken);
        var relative = query.RelativePath.Replace('\\', '/');
        if (relative.Length == 0 || Path.IsPathRooted(relative) || relative.Split('/').Any(part => part is ".." or "."))
        {
            throw VibeException.Invalid($"'{query.RelativePath}' is not a path inside run {query.RunId}'s folder");
        }

        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw VibeException.Invalid($"'{query.RelativePath}' is not a path inside run {query.RunId}'s folder");
        }

        var file = new FileInfo(full);
        if (!file.Exists)
        {
            throw VibeException.NotFound($"run {query.RunId} has no file '{relative}'");
        }

        if (file.LinkTarget is not null)
        {
            throw VibeException.Invalid($"'{relative}' of run {query.RunId} is a link; only files inside the run's folder are served");
        }

        return new EvidenceFile(full, relative, file.Length);
    }

    public async ValueTask<IReadOnlyList<EvidenceFile>> Handle(ListRunFiles query, CancellationToken cancellationToken)
    {
        var root = await RootAsync(query.RunId, cancellationToken);
        return new DirectoryInfo(root)
            .EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Select(file => new EvidenceFile(file.FullName, Path.GetRelativePath(root, file.FullName).Replace('\\', '/'), file.Length))
            .OrderBy(file => file.RelativePath.StartsWith("evidence/", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(file => file.RelativePath, StringComparer.Ordinal)
            .Take(200)
            .ToList();
    }

    private async Task<string> RootAsync(long runId, CancellationToken cancellationToken)
    {
        if (!await db.Runs.AsNoTracking().AnyAsync(run => run.Id == runId, cancellationToken))
        {
            throw VibeException.NotFound($"no run with id {runId}");
        }

        return Path.GetFullPath(files.RunFolder(runId)).TrimEnd(Path.DirectorySeparatorChar);
    }
}
