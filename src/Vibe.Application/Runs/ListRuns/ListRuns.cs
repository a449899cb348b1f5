using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;

namespace Vibe.Application.Runs.ListRuns;

/// <summary>The latest runs, newest first.</summary>
public sealed record ListRuns(int Limit = 20, string? Robot = null) : IQuery<IReadOnlyList<RunSummary>>;

/// <remarks>A robot name that is neither declared nor in the history is a mistake (exit 2), not an empty list.</remarks>
public sealed class ListRunsHandler(IVibeDbContext db, IRobotCatalog catalog) : IQueryHandler<ListRuns, IReadOnlyList<RunSummary>>
{
    public async ValueTask<IReadOnlyList<RunSummary>> Handle(ListRuns query, CancellationToken cancellationToken)
    {
        var runs = db.Runs.AsNoTracking();
        if (query.Robot is not null)
        {
            runs = runs.Where(run => run.RobotName == query.Robot);
        }

        // Newest first by id: the primary key keeps this fast at millions of rows.
        var latest = await runs.OrderByDescending(run => run.Id).Take(query.Limit).ToListAsync(cancellationToken);
        if (latest.Count == 0 && query.Robot is { } robot && (await catalog.GetAsync(cancellationToken)).Find(robot) is null)
        {
            throw VibeException.NotFound($"no robot named '{robot}' (see vibe list-robots)");
        }

        return latest.Select(RunSummary.From).ToList();
    }
}
