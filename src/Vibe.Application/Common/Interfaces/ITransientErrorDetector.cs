namespace Vibe.Application.Common.Interfaces;

/// <summary>Tells a database error worth retrying (lock, dropped connection, deadlock) from a real one.</summary>
public interface ITransientErrorDetector
{
    bool IsTransient(Exception exception);
}
