using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Interfaces;

namespace Vibe.Application.Runs.ListRuns;

/// <summary>The latest runs, newest first.</summary>
public sealed record ListRuns(int Limit = 20, string? Robot = null) : IQuery<IReadOnlyList<RunSummary>>;

public sealed class ListRunsHandler : IQueryHandler<ListRuns, IReadOnlyList<RunSummary>>
{
    private readonly IVibeDbContext _db;

    public ListRunsHandler(IVibeDbContext db) => _db = db;

    public async ValueTask<IReadOnlyList<RunSummary>> Handle(ListRuns query, CancellationToken cancellationToken)
    {
        var runs = _db.Runs.AsNoTracking();
        if (query.Robot is not null)
        {
            runs = runs.Where(run => run.RobotName == query.Robot);
        }

        // Newest first by id: the primary key keeps this fast at millions of rows.
        var latest = await runs.OrderByDescending(run => run.Id).Take(query.Limit).ToListAsync(cancellationToken);
        return latest.Select(RunSummary.From).ToList();
    }
}
