using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Runs.GetEvidenceFile;
using Vibe.Domain.Runs;

namespace Vibe.Application.Runs.GetRun;

/// <summary>One run with its log lines, the other attempts of its chain and its files (here, in the store, or only on the host that ran it).</summary>
public sealed record GetRun(long RunId, int MaxLogLines = 10_000) : IQuery<RunDetails>;

public sealed record RunDetails(RunSummary Run, IReadOnlyList<RunLogLine> Log, IReadOnlyList<RunSummary> Attempts, IReadOnlyList<RunFileEntry> Files);

public sealed record RunLogLine(DateTime Time, RunLogLevel Level, int? StepIndex, string Message);

public sealed class GetRunHandler(IVibeDbContext db, RunFileCatalog files) : IQueryHandler<GetRun, RunDetails>
{
    private readonly IVibeDbContext _db = db;

    public async ValueTask<RunDetails> Handle(GetRun query, CancellationToken cancellationToken)
    {
        var run = await _db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.RunId, cancellationToken)
            ?? throw VibeException.NotFound($"no run with id {query.RunId}");

        var log = await _db.RunLogs.AsNoTracking()
            .Where(entry => entry.RunId == run.Id)
            .OrderBy(entry => entry.Id)
            .Take(query.MaxLogLines)
            .Select(entry => new RunLogLine(entry.Time, entry.Level, entry.StepIndex, entry.Message))
            .ToListAsync(cancellationToken);

        var chainId = run.RetryOfId ?? run.Id;
        var attempts = await _db.Runs.AsNoTracking()
            .Where(r => r.Id == chainId || r.RetryOfId == chainId)
            .OrderBy(r => r.Attempt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);

        var runFiles = await files.ListAsync(run.Id, run.Host, cancellationToken);
        return new RunDetails(RunSummary.From(run), log, attempts.Count > 1 ? attempts.Select(RunSummary.From).ToList() : [], runFiles);
    }
}
