namespace Vibe.Infrastructure.Configuration;

/// <summary>The .env settings are wrong; the message names the key and what is expected.</summary>
public sealed class SettingsException : Exception
{
    public SettingsException(string message, IReadOnlyList<string>? problems = null)
        : base(message)
    {
        Problems = problems ?? [message];
    }

    public IReadOnlyList<string> Problems { get; }
}
