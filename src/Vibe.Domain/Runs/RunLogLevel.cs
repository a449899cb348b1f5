namespace Vibe.Domain.Runs;

public enum RunLogLevel
{
    Debug,
    Info,
    Warning,
    Error,
}
