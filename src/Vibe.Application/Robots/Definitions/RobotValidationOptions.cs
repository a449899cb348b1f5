namespace Vibe.Application.Robots.Definitions;

/// <summary>What robot validation may leave to another process.</summary>
public sealed class RobotValidationOptions
{
    /// <summary>
    /// False in vibe: a robot's executor must be registered. True in a program that uses vibe as a library
    /// (Vibe.Client), which has the shared steps and "shell" but not the executors vibe loads (web, desktop,
    /// plug-ins): a robot of another executor passes with its own steps and options unchecked, and the vibe service
    /// that runs it checks them (docs/decisions/0016).
    /// </summary>
    public bool LeaveUnknownExecutorsToTheService { get; init; }
}
