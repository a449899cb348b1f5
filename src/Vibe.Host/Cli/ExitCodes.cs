namespace Vibe.Host.Cli;

/// <summary>vibe's exit codes, documented in README.md. Scripts rely on them: never renumber.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The run failed, or `vibe validate` found errors.</summary>
    public const int Failed = 1;

    /// <summary>Unknown robot or run id.</summary>
    public const int NotFound = 2;

    /// <summary>Invalid configuration (.env or robot files) or arguments.</summary>
    public const int Invalid = 3;

    /// <summary>The request conflicts with the current state (a run already finished, a service already running).</summary>
    public const int Conflict = 4;

    /// <summary>Something vibe depends on is unavailable (the database, a live host that may run the robot).</summary>
    public const int Unavailable = 5;

    /// <summary>Interrupted with Ctrl+C.</summary>
    public const int Interrupted = 130;

    /// <summary>A finished run's exit code, the same whether this session ran it or followed a service's run.</summary>
    public static int Of(Vibe.Domain.Runs.RunStatus status) => status switch
    {
        Vibe.Domain.Runs.RunStatus.Succeeded => Success,
        Vibe.Domain.Runs.RunStatus.Cancelled => Interrupted,
        _ => Failed,
    };
}
