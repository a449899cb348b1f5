using Vibe.Application.Common.Interfaces;

namespace Vibe.Infrastructure.Robots;

/// <summary>
/// The robots in force. Reads the files once, on first use; <see cref="Reload"/> reads them again and keeps
/// the last valid catalog in force when the files have errors (the service must not stop scheduling
/// because of a typo).
/// </summary>
internal sealed class RobotCatalog : IRobotCatalog
{
    private readonly RobotFileLoader _loader;
    private readonly Lock _gate = new();
    private RobotCatalogSnapshot? _current;

    public RobotCatalog(RobotFileLoader loader) => _loader = loader;

    public ValueTask<RobotCatalogSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _current ??= _loader.Load();
            return ValueTask.FromResult(_current);
        }
    }

    /// <summary>Reads the files again. Returns what was read; the catalog in force changes only if it is valid.</summary>
    public RobotCatalogSnapshot Reload()
    {
        var loaded = _loader.Load();
        lock (_gate)
        {
            if (loaded.IsValid || _current is null)
            {
                _current = loaded;
            }
        }

        return loaded;
    }
}
