using System.Net;
using System.Text.Json;

namespace Vibe.Infrastructure.Notifications.Microsoft365;

/// <summary>Graph's error answers ({"error": {"code", "message"}}) as what an administrator does next.</summary>
internal static class GraphErrors
{
    private static readonly Dictionary<string, string> Meanings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ErrorAccessDenied"] = "the app may not send as this mailbox: grant it the Mail.Send application permission with admin consent, and check that no application access policy leaves the mailbox out",
        ["Authorization_RequestDenied"] = "the app may not send as this mailbox: grant it the Mail.Send application permission with admin consent",
        ["MailboxNotEnabledForRESTAPI"] = "the mailbox is not in Exchange Online or has no Exchange Online licence",
        ["MailboxNotFound"] = "there is no such mailbox: check VIBE_GRAPH_SENDER (or VIBE_SMTP_FROM)",
        ["ErrorInvalidUser"] = "there is no such mailbox: check VIBE_GRAPH_SENDER (or VIBE_SMTP_FROM)",
        ["ResourceNotFound"] = "there is no such mailbox: check VIBE_GRAPH_SENDER (or VIBE_SMTP_FROM)",
        ["InvalidAuthenticationToken"] = "Graph did not accept the token: check that VIBE_GRAPH_URL and VIBE_OAUTH_AUTHORITY_HOST are of the same cloud (and VIBE_OAUTH_SCOPE, if set)",
        ["ErrorMessageSizeExceeded"] = "the message is larger than the mailbox accepts",
        ["ErrorQuotaExceeded"] = "the sending mailbox is full",
        ["ErrorSendAsDenied"] = "the app may not send as this address",
    };

    public static MailDeliveryException Describe(HttpStatusCode status, string answer, string url, string sender)
    {
        var (code, message) = Parse(answer);
        var meaning = code is not null && Meanings.TryGetValue(code, out var known) ? $"{code}: {known}" : code ?? "";
        var said = string.IsNullOrWhiteSpace(message) ? "" : $" (Graph said: {message})";
        var transient = status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
            or HttpStatusCode.BadGateway or HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout;
        return new MailDeliveryException(
            $"Microsoft Graph refused the mail of {sender}: {(int)status} {status}{(meaning.Length > 0 ? $", {meaning}" : "")}{said} [POST {url}]", transient);
    }

    private static (string? Code, string? Message) Parse(string answer)
    {
        try
        {
            using var document = JsonDocument.Parse(answer);
            if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return (error.TryGetProperty("code", out var code) ? code.GetString() : null,
                        error.TryGetProperty("message", out var message) ? (message.GetString() is { Length: > 0 } said ? AnswerText.FirstLine(said) : null) : null);
            }
        }
        catch (JsonException)
        {
            // Not Graph's JSON (a proxy's page): its first line says enough.
        }

        return (null, string.IsNullOrWhiteSpace(answer) ? null : AnswerText.FirstLine(answer));
    }
}
