using System.Text.Json;
using System.Text.Json.Nodes;
using MimeKit;

namespace Vibe.Infrastructure.Notifications.Microsoft365;

/// <summary>
/// A MIME message as the body of Graph's sendMail: subject, text or HTML body, To/Cc recipients, file attachments as
/// long as they fit the budget (the rest are named in a note at the end of the body, so the reader knows they exist),
/// and the Message-ID as internetMessageId, so that the outbox's stable id reaches the recipient as with SMTP.
/// </summary>
internal static class GraphMessage
{
    public static JsonElement From(MimeMessage message, long attachmentBudget)
    {
        var attachments = new JsonArray();
        var leftOut = new List<string>();
        long used = 0;
        foreach (var part in message.Attachments.OfType<MimePart>().Where(part => part.Content is not null))
        {
            using var content = new MemoryStream();
            part.Content!.DecodeTo(content);
            var base64 = Convert.ToBase64String(content.GetBuffer(), 0, (int)content.Length);
            var name = part.FileName ?? "attachment";
            if (used + base64.Length > attachmentBudget)
            {
                leftOut.Add($"{name} ({content.Length / 1024} KB)");
                continue;
            }

            used += base64.Length;
            attachments.Add(new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.fileAttachment",
                ["name"] = name,
                ["contentType"] = part.ContentType.MimeType,
                ["contentBytes"] = base64,
            });
        }

        var (contentType, text) = message.HtmlBody is { } html ? ("HTML", html) : ("Text", message.TextBody ?? "");
        if (leftOut.Count > 0)
        {
            var note = $"Not attached (too large for Microsoft Graph's request limit): {string.Join(", ", leftOut)}; see the run's evidence folder.";
            text += contentType == "HTML" ? $"<p>{System.Net.WebUtility.HtmlEncode(note)}</p>" : $"\n\n{note}";
        }

        var graphMessage = new JsonObject
        {
            ["subject"] = message.Subject ?? "",
            ["body"] = new JsonObject { ["contentType"] = contentType, ["content"] = text },
            ["toRecipients"] = Recipients(message.To),
            ["ccRecipients"] = Recipients(message.Cc),
        };
        if (!string.IsNullOrEmpty(message.MessageId))
        {
            graphMessage["internetMessageId"] = $"<{message.MessageId}>";
        }

        if (attachments.Count > 0)
        {
            graphMessage["attachments"] = attachments;
        }

        return JsonSerializer.SerializeToElement(new JsonObject { ["message"] = graphMessage, ["saveToSentItems"] = false });
    }

    private static JsonArray Recipients(InternetAddressList addresses) =>
        new(addresses.Mailboxes.Select(mailbox => (JsonNode)new JsonObject
        {
            ["emailAddress"] = new JsonObject { ["address"] = mailbox.Address, ["name"] = mailbox.Name ?? "" },
        }).ToArray());
}
