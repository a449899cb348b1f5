namespace Vibe.Application.Common.Interfaces;

/// <summary>
/// Fresh units of work on the store, each with its own DbContext: for work that must be tried again from a clean
/// start (recording a run's outcome until the store takes it) rather than on the scope's context.
/// </summary>
public interface IStoreUnits
{
    IStoreUnit Begin();
}

/// <summary>One unit of work: what it adds or changes is saved together by SaveChangesAsync, or not at all.</summary>
public interface IStoreUnit : IVibeDbContext, IAsyncDisposable;
