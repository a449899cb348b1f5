using System.Text.RegularExpressions;
using Microsoft.Identity.Client;

namespace Vibe.Infrastructure.Notifications.Microsoft365;

/// <summary>
/// Turns the identity platform's answers into what an administrator does next: the AADSTS code, what it means for
/// vibe's settings, and the platform's own first line. Never includes a secret or a token.
/// </summary>
internal static partial class IdentityErrors
{
    private static readonly Dictionary<string, string> Meanings = new(StringComparer.Ordinal)
    {
        ["AADSTS7000215"] = "the client secret is wrong (VIBE_OAUTH_CLIENT_SECRET): copy the secret's Value, not its Secret ID, from the app registration's Certificates & secrets",
        ["AADSTS7000222"] = "the client secret has expired: create a new one under the app registration's Certificates & secrets and put it in VIBE_OAUTH_CLIENT_SECRET",
        ["AADSTS700016"] = "there is no application with this client id in the tenant: check VIBE_OAUTH_CLIENT_ID and VIBE_OAUTH_TENANT_ID against the app registration's Overview page",
        ["AADSTS90002"] = "the tenant does not exist: check VIBE_OAUTH_TENANT_ID (the Directory (tenant) ID, or a domain of the tenant)",
        ["AADSTS900023"] = "the tenant id is not valid: check VIBE_OAUTH_TENANT_ID",
        ["AADSTS700027"] = "the certificate's signature is not accepted: upload the public part of VIBE_OAUTH_CERTIFICATE to the app registration's Certificates & secrets",
        ["AADSTS700024"] = "the signed request is outside its valid time range: check this machine's clock",
        ["AADSTS65001"] = "the app has not been consented: an administrator must grant admin consent to its API permissions",
        ["AADSTS500011"] = "the resource of the scope is not in the tenant: check VIBE_OAUTH_SCOPE (and that Exchange Online is part of the tenant)",
        ["AADSTS70011"] = "the scope is not valid: an app-only token needs a scope ending in /.default (VIBE_OAUTH_SCOPE)",
        ["AADSTS1002012"] = "the scope is not valid: an app-only token needs a scope ending in /.default (VIBE_OAUTH_SCOPE)",
        ["AADSTS7000112"] = "the application is disabled in the tenant",
        ["AADSTS53003"] = "a Conditional Access policy of the tenant blocked the request",
        ["AADSTS50020"] = "the app is not allowed in this tenant",
    };

    public static MailDeliveryException Describe(MsalServiceException exception, string authority, string clientId)
    {
        // The platform's own description is in the response body; MSAL's message wraps it in advice of its own.
        var said = AnswerText.FirstLine(ServerDescription(exception.ResponseBody) ?? exception.Message);
        var code = AadstsCode().Match(said) is { Success: true } match ? match.Value
            : AadstsCode().Match(exception.Message) is { Success: true } wrapped ? wrapped.Value : null;
        var meaning = code is not null && Meanings.TryGetValue(code, out var known) ? $"{code}: {known} (the platform said: {said})" : said;
        var transient = exception.StatusCode is 429 or >= 500 || exception.ErrorCode is MsalError.RequestTimeout or MsalError.ServiceNotAvailable;
        return new MailDeliveryException(
            $"the Microsoft identity platform at {authority} gave no token to client {clientId}: {meaning}", transient, exception);
    }

    public static MailDeliveryException Describe(Exception exception, string authority)
    {
        var transient = exception is HttpRequestException or TaskCanceledException or TimeoutException
            || exception is MsalClientException { ErrorCode: MsalError.RequestTimeout };
        return new MailDeliveryException(
            $"the Microsoft identity platform at {authority} cannot be reached or answered strangely: {AnswerText.FirstLine(exception.GetBaseException().Message)}", transient, exception);
    }

    private static string? ServerDescription(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty("error_description", out var description) ? description.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"AADSTS\d+", RegexOptions.CultureInvariant)]
    private static partial Regex AadstsCode();
}
