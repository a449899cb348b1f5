namespace Vibe.Domain.Common;

/// <summary>A business rule of the domain was broken by the caller.</summary>
public class DomainException : Exception
{
    public DomainException(string message)
        : base(message)
    {
    }
}
