using Vibe.Application.Common.Interfaces;

namespace Vibe.Infrastructure.Persistence;

/// <summary>Each unit of work is a new DbContext of the configured provider.</summary>
internal sealed class StoreUnits(IVibeDbContextFactory contexts) : IStoreUnits
{
    public IStoreUnit Begin() => contexts.Create();
}
