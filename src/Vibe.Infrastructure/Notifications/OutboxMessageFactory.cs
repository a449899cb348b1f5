using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;
using Vibe.Application.Executors;
using Vibe.Domain.Notifications;

namespace Vibe.Infrastructure.Notifications;

/// <summary>
/// Turns an outbox row into the MIME message that goes out: the same Message-ID and Date on every delivery, so a
/// duplicate after a crash is recognisable as one; the screenshot attached when it is still there and under the cap.
/// </summary>
public sealed class OutboxMessageFactory
{
    private readonly NotifyOptions _options;
    private readonly ISecretMasker _masker;

    public OutboxMessageFactory(IOptions<NotifyOptions> options, ISecretMasker masker)
    {
        _options = options.Value;
        _masker = masker;
    }

    public async Task<MimeMessage> CreateAsync(OutboxMail mail, CancellationToken cancellationToken)
    {
        var message = new MimeMessage
        {
            MessageId = mail.MessageId,
            Date = new DateTimeOffset(mail.CreatedAt, TimeSpan.Zero),

            // The row was masked when it was written; masking again covers secrets this process learnt since.
            Subject = _masker.Mask(mail.Subject),
        };
        foreach (var recipient in mail.Recipients.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        message.Headers.Add("X-Vibe-Run", mail.RunId.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add("X-Vibe-Kind", mail.Kind);

        var body = _masker.Mask(mail.Body);
        var builder = new BodyBuilder();
        if (mail.AttachmentPath is { } path)
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                body += $"\n\n(The screenshot {path} is no longer on disk.)\n";
            }
            else if (file.Length > _options.MaxAttachmentKb * 1024L)
            {
                body += $"\n\n(The screenshot {path} is larger than {_options.MaxAttachmentKb} KB and is not attached.)\n";
            }
            else
            {
                await builder.Attachments.AddAsync(path, cancellationToken);
            }
        }

        builder.TextBody = body;
        message.Body = builder.ToMessageBody();
        return message;
    }
}
