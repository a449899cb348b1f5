using System.Text;
using MailKit;

namespace Vibe.Infrastructure.Notifications;

/// <summary>
/// Records an SMTP conversation (MailKit's protocol log, with login secrets redacted) so that `vibe notify test`
/// can show exactly what the server answered.
/// </summary>
public sealed class SmtpTranscript : IDisposable
{
    private readonly MemoryStream _stream = new();

    public SmtpTranscript()
    {
        Logger = new ProtocolLogger(_stream, leaveOpen: true) { RedactSecrets = true, LogTimestamps = false };
    }

    internal IProtocolLogger Logger { get; }

    /// <summary>Every line the server sent, in order, without the "S: " prefix.</summary>
    public IReadOnlyList<string> ServerLines()
    {
        var text = Encoding.UTF8.GetString(_stream.ToArray());
        return text.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.StartsWith(ProtocolLogger.DefaultServerPrefix, StringComparison.Ordinal))
            .Select(line => line[ProtocolLogger.DefaultServerPrefix.Length..])
            .ToList();
    }

    public void Dispose()
    {
        Logger.Dispose();
        _stream.Dispose();
    }
}
