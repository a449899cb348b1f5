using System.Text;
using MailKit;

namespace Vibe.Infrastructure.Notifications;

/// <summary>
/// Records how one mail was handed over, for `vibe notify test`: the stages vibe went through (the token it obtained,
/// the Graph request it made) and every line an SMTP server answered (MailKit's protocol log, with login secrets
/// redacted), in the order they happened.
/// </summary>
public sealed class MailTranscript : IDisposable
{
    private const string StagePrefix = "V: ";
    private readonly MemoryStream _stream = new();

    public MailTranscript()
    {
        Logger = new ProtocolLogger(_stream, leaveOpen: true) { RedactSecrets = true, LogTimestamps = false };
    }

    internal IProtocolLogger Logger { get; }

    /// <summary>Records a stage, for example "token: obtained …".</summary>
    public void Stage(string text)
    {
        var line = Encoding.UTF8.GetBytes($"{StagePrefix}{text}\r\n");
        _stream.Write(line);
    }

    /// <summary>Every line the server sent, in order, without the "S: " prefix.</summary>
    public IReadOnlyList<string> ServerLines() =>
        RawLines().Where(line => line.StartsWith(ProtocolLogger.DefaultServerPrefix, StringComparison.Ordinal))
            .Select(line => line[ProtocolLogger.DefaultServerPrefix.Length..])
            .ToList();

    /// <summary>The stages and the server's lines in order: "token: …", "server: 220 …".</summary>
    public IReadOnlyList<string> Lines() =>
        RawLines().Select(line => line.StartsWith(StagePrefix, StringComparison.Ordinal) ? line[StagePrefix.Length..]
                : line.StartsWith(ProtocolLogger.DefaultServerPrefix, StringComparison.Ordinal) ? $"server: {line[ProtocolLogger.DefaultServerPrefix.Length..]}"
                : null)
            .OfType<string>()
            .ToList();

    private IEnumerable<string> RawLines() =>
        Encoding.UTF8.GetString(_stream.ToArray()).Split('\n').Select(line => line.TrimEnd('\r'));

    public void Dispose()
    {
        Logger.Dispose();
        _stream.Dispose();
    }
}
