using Mediator;
using Microsoft.EntityFrameworkCore;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;

namespace Vibe.Application.Runs.ListRuns;

/// <summary>
/// The latest runs, newest first, optionally filtered; <see cref="BeforeId"/> pages on by key (the runs older than the
/// last one shown), which stays as fast on the millionth run as on the first.
/// </summary>
public sealed record ListRuns(int Limit = 20, string? Robot = null) : IQuery<IReadOnlyList<RunSummary>>
{
    public Vibe.Domain.Runs.RunStatus? Status { get; init; }

    public Vibe.Domain.Runs.TriggerKind? Trigger { get; init; }

    public string? Host { get; init; }

    /// <summary>Runs queued at or after this time (UTC).</summary>
    public DateTime? From { get; init; }

    /// <summary>Runs queued before this time (UTC).</summary>
    public DateTime? To { get; init; }

    /// <summary>Only runs with a smaller id (the next page).</summary>
    public long? BeforeId { get; init; }
}

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

        if (query.Status is { } status)
        {
            runs = runs.Where(run => run.Status == status);
        }

        if (query.Trigger is { } trigger)
        {
            runs = runs.Where(run => run.Trigger == trigger);
        }

        if (!string.IsNullOrWhiteSpace(query.Host))
        {
            runs = runs.Where(run => run.Host == query.Host);
        }

        if (query.From is { } from)
        {
            runs = runs.Where(run => run.QueuedAt >= from);
        }

        if (query.To is { } to)
        {
            runs = runs.Where(run => run.QueuedAt < to);

            // Ids grow with the time a run is queued, so the newest run queued before `to` bounds the page's ids and the
            // newest-first walk down the primary key starts there. Without the bound PostgreSQL's planner walks down from
            // the newest run of all, expecting matches early, and for a week a year ago reads half a million rows first.
            // An hour's allowance covers hosts whose clocks disagree.
            var lastId = await LastIdQueuedBeforeAsync(to, cancellationToken);
            runs = lastId is { } last ? runs.Where(run => run.Id <= last) : runs.Where(run => false);
        }

        if (query.BeforeId is { } before)
        {
            runs = runs.Where(run => run.Id < before);
        }

        // Newest first by id: the primary key keeps this fast at millions of rows.
        var latest = await runs.OrderByDescending(run => run.Id).Take(query.Limit).ToListAsync(cancellationToken);
        if (latest.Count == 0 && query.Robot is { } robot && (await catalog.GetAsync(cancellationToken)).Find(robot) is null)
        {
            throw VibeException.NotFound($"no robot named '{robot}' (see vibe list-robots)");
        }

        return latest.Select(RunSummary.From).ToList();
    }

    private async Task<long?> LastIdQueuedBeforeAsync(DateTime to, CancellationToken cancellationToken)
    {
        var allowance = to - TimeSpan.FromHours(1);
        return await db.Runs.AsNoTracking().Where(run => run.QueuedAt < to && run.QueuedAt >= allowance).MaxAsync(run => (long?)run.Id, cancellationToken)
            ?? await db.Runs.AsNoTracking().Where(run => run.QueuedAt < to).OrderByDescending(run => run.QueuedAt).Select(run => (long?)run.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
