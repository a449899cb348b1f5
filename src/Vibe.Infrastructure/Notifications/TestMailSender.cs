using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Application.Notifications.SendTestMail;

namespace Vibe.Infrastructure.Notifications;

/// <summary>
/// `vibe notify test` through the configured transport: a small plain-text mail, sent with every stage kept (the token
/// obtained, the server's lines, Graph's answer; masked) for the report.
/// </summary>
internal sealed class TestMailSender(
    IMailTransport sender,
    SmtpOptionsValidator validator,
    IOptions<NotifyOptions> notify,
    IHostIdentity host,
    ISecretMasker masker,
    TimeProvider time) : ITestMailSender
{
    public IReadOnlyList<string> SettingsProblems() => validator.CurrentProblems();

    public IReadOnlyList<string> DefaultRecipients => notify.Value.DefaultRecipients;

    public bool IsMailAddress(string text) => SmtpOptionsValidator.IsMailAddress(text);

    public async Task<TestMailReport> SendAsync(IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        string route;
        try
        {
            route = sender.Route();
        }
        catch (MailDeliveryException ex)
        {
            throw VibeException.Invalid(ex.Message);
        }

        var message = Compose(recipients, route);
        using var transcript = new MailTranscript();
        try
        {
            var answer = await sender.SendAsync(message, transcript, cancellationToken);
            return new TestMailReport(recipients, masker.Mask(route), Lines(transcript), masker.Mask(answer), null);
        }
        catch (MailDeliveryException ex)
        {
            return new TestMailReport(recipients, masker.Mask(route), Lines(transcript), null, masker.Mask(ex.Message));
        }
    }

    private MimeMessage Compose(IReadOnlyList<string> recipients, string route)
    {
        var now = time.GetUtcNow();
        var message = new MimeMessage
        {
            Subject = $"[vibe] test mail from {host.HostName}",
            MessageId = $"vibe.test.{Guid.NewGuid():N}@{MessageIdHost(host.HostName)}",
            Body = new TextPart("plain")
            {
                Text = $"""
                    This is a test mail from vibe on {host.HostName}, sent at {now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC
                    through {route}.

                    If you can read it, vibe's failure mails will reach you too.
                    """,
            },
        };
        foreach (var recipient in recipients)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        return message;
    }

    private List<string> Lines(MailTranscript transcript) => transcript.Lines().Select(masker.Mask).ToList();

    private static string MessageIdHost(string host)
    {
        var safe = new string(host.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.').ToArray());
        return safe.Length > 0 ? safe : "vibe";
    }
}
