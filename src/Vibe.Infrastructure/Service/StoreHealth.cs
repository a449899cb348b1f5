using Microsoft.Extensions.Logging;
using Vibe.Infrastructure.Persistence;

namespace Vibe.Infrastructure.Service;

/// <summary>
/// What the service's parts know of the store between them: whether it is reachable, and since when. An outage is
/// said once when it starts and once when it ends, in one line each (the driver's details at debug level), not once
/// per poll of every part; and the housekeeping learns when the store came back, to give runs whose lease ran out
/// during the outage the time to renew it before any is taken for lost.
/// </summary>
public sealed class StoreHealth(TimeProvider time, ILogger<StoreHealth> logger)
{
    private readonly Lock _gate = new();
    private DateTime? _downSince;

    /// <summary>When the store came back after the latest outage this service saw; null if it saw none.</summary>
    public DateTime? BackSince { get; private set; }

    public bool IsDown
    {
        get
        {
            lock (_gate)
            {
                return _downSince is not null;
            }
        }
    }

    /// <summary>
    /// Reports a failure of <paramref name="what"/>. A store problem starts (or continues) an outage and returns true;
    /// anything else returns false, for the caller to log as the fault it is (see <see cref="Report"/>).
    /// </summary>
    public bool Failed(string what, Exception exception)
    {
        if (!StoreErrors.IsStoreError(exception))
        {
            return false;
        }

        bool first;
        lock (_gate)
        {
            first = _downSince is null;
            _downSince ??= time.GetUtcNow().UtcDateTime;
        }

        if (first)
        {
            ServiceLog.StoreDown(logger, what, StoreErrors.Describe(exception));
        }

        ServiceLog.StoreFailureDetails(logger, exception, what);
        return true;
    }

    /// <summary>Reports a failure: a store problem as part of the outage, anything else as an error with its details.</summary>
    public void Report(string what, Exception exception)
    {
        if (!Failed(what, exception))
        {
            ServiceLog.PartFailed(logger, exception, what);
        }
    }

    /// <summary>Reports that the store answered; ends an outage if one was going on.</summary>
    public void Succeeded()
    {
        DateTime? since;
        lock (_gate)
        {
            since = _downSince;
            if (since is null)
            {
                return;
            }

            _downSince = null;
            BackSince = time.GetUtcNow().UtcDateTime;
        }

        ServiceLog.StoreBack(logger, BackSince!.Value - since.Value);
    }
}
