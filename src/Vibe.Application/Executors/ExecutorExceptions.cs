namespace Vibe.Application.Executors;

/// <summary>A step failed in a way the operator can understand; the message is shown as the run's error.</summary>
public class StepFailedException : Exception
{
    public StepFailedException(string message)
        : base(message)
    {
    }

    public StepFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The desktop or browser a robot needs is not there; the run ends SessionUnavailable.</summary>
public class SessionUnavailableException : Exception
{
    public SessionUnavailableException(string message)
        : base(message)
    {
    }
}
