using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;

namespace Vibe.Application.Runs.GetEvidenceFile;

/// <summary>
/// A file of a run (evidence, downloads) by its path inside the run's folder, for the dashboard and `vibe evidence`:
/// from this host's folder when it is there, else the copy in the store (a run of another host). Any path that leads
/// outside the run's folder (<c>../</c>, an absolute path, a link pointing elsewhere) is refused: the data folder
/// holds other runs' evidence and the store.
/// </summary>
public sealed record GetEvidenceFile(long RunId, string RelativePath) : IQuery<EvidenceFile>;

/// <summary>A run's file: on this host's disk (<see cref="FullPath"/>) or read from the store (<see cref="Content"/>).</summary>
public sealed record EvidenceFile(string RelativePath, long Length, string? FullPath, byte[]? Content)
{
    public async Task<byte[]> ReadAllBytesAsync(CancellationToken cancellationToken) =>
        Content ?? await File.ReadAllBytesAsync(FullPath!, cancellationToken);
}

/// <summary>
/// The files of a run, as paths inside its folder (at most 200, evidence first): this host's folder, the store's
/// copies, and the evidence files the run's log says stay only on the host that ran it.
/// </summary>
public sealed record ListRunFiles(long RunId) : IQuery<IReadOnlyList<RunFileEntry>>;

public sealed class GetEvidenceFileHandler(IVibeDbContext db, RunFileCatalog catalog)
    : IQueryHandler<GetEvidenceFile, EvidenceFile>, IQueryHandler<ListRunFiles, IReadOnlyList<RunFileEntry>>
{
    public async ValueTask<EvidenceFile> Handle(GetEvidenceFile query, CancellationToken cancellationToken)
    {
        await RunMustExistAsync(query.RunId, cancellationToken);
        var relative = RunFileCatalog.CheckedName(query.RunId, query.RelativePath);
        if (catalog.LocalFile(query.RunId, relative) is { } local)
        {
            return local;
        }

        var stored = await db.RunFiles.AsNoTracking()
            .Where(file => file.RunId == query.RunId && file.Name == relative)
            .Select(file => file.Content)
            .FirstOrDefaultAsync(cancellationToken);
        if (stored is not null)
        {
            return new EvidenceFile(relative, stored.LongLength, null, stored);
        }

        var elsewhere = (await catalog.KeptOnHostAsync(query.RunId, cancellationToken)).FirstOrDefault(kept => kept.Name == relative);
        throw VibeException.NotFound(elsewhere.Host is { } host
            ? $"run {query.RunId}'s file '{relative}' is kept only on {host}, not in the store (over {Runs.StoreRunEvidence.EvidenceStoreLimit.SettingName} when the run ended)"
            : $"run {query.RunId} has no file '{relative}'");
    }

    public async ValueTask<IReadOnlyList<RunFileEntry>> Handle(ListRunFiles query, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().Where(r => r.Id == query.RunId).Select(r => new { r.Host }).FirstOrDefaultAsync(cancellationToken)
            ?? throw VibeException.NotFound($"no run with id {query.RunId}");
        return await catalog.ListAsync(query.RunId, run.Host, cancellationToken);
    }

    private async Task RunMustExistAsync(long runId, CancellationToken cancellationToken)
    {
        if (!await db.Runs.AsNoTracking().AnyAsync(run => run.Id == runId, cancellationToken))
        {
            throw VibeException.NotFound($"no run with id {runId}");
        }
    }
}
