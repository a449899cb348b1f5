namespace Vibe.Application.Common.Errors;

/// <summary>
/// The application layer's one error model: a failure the caller can understand and act on.
/// The CLI turns <see cref="Kind"/> into an exit code and prints <see cref="Exception.Message"/> as one line.
/// </summary>
public class VibeException : Exception
{
    public VibeException(VibeErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public VibeErrorKind Kind { get; }

    /// <summary>Extra lines to print under the message (for example every configuration error).</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    public static VibeException NotFound(string message) => new(VibeErrorKind.NotFound, message);

    public static VibeException Invalid(string message, IReadOnlyList<string>? details = null) =>
        new(VibeErrorKind.Invalid, message) { Details = details ?? [] };

    public static VibeException Conflict(string message) => new(VibeErrorKind.Conflict, message);

    public static VibeException Unavailable(string message) => new(VibeErrorKind.Unavailable, message);
}

public enum VibeErrorKind
{
    /// <summary>An unknown robot or run id.</summary>
    NotFound,

    /// <summary>The request or the configuration is wrong.</summary>
    Invalid,

    /// <summary>The request is fine but the state does not allow it (run already finished, service running).</summary>
    Conflict,

    /// <summary>Something outside vibe failed (database unreachable), or no live host may run the robot.</summary>
    Unavailable,
}
