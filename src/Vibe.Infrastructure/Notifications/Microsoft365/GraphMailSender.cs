using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Vibe.Infrastructure.Notifications.Microsoft365;

/// <summary>
/// Sends a mail with Microsoft Graph: <c>POST {VIBE_GRAPH_URL}/users/{sender}/sendMail</c> with an app-only token
/// (the app needs the Mail.Send application permission). The message is the one the SMTP transport would send:
/// subject, body, recipients, attachments while they fit Graph's request limit, and its Message-ID as
/// internetMessageId. A token Graph refuses is replaced once.
/// </summary>
public sealed class GraphMailSender(IOptions<GraphOptions> graph, IOptions<SmtpOptions> smtp, IdentityTokenSource tokens) : IMailTransport, IDisposable
{
    /// <summary>Graph refuses a sendMail request over 4 MB; attachments beyond this (base64 included) are left out with a note.</summary>
    internal const long AttachmentBudget = 3 * 1024 * 1024;

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);
    private readonly Lazy<HttpClient> _http = new(() => CertificateTrust.HttpClient(tokens.CaFile, RequestTimeout));

    private string BaseUrl => (string.IsNullOrWhiteSpace(graph.Value.Url) ? GraphOptions.PublicCloud : graph.Value.Url.Trim()).TrimEnd('/');

    /// <summary>VIBE_GRAPH_SENDER, or the address of VIBE_SMTP_FROM.</summary>
    private string Sender =>
        !string.IsNullOrWhiteSpace(graph.Value.Sender) ? graph.Value.Sender.Trim()
        : MailboxAddress.TryParse(smtp.Value.From?.Trim() ?? "", out var from) ? from.Address
        : throw new MailDeliveryException("VIBE_GRAPH_SENDER (or VIBE_SMTP_FROM) is not set: set the mailbox Graph sends as", isTransient: false);

    /// <summary>The scope of an app-only token for the Graph of <see cref="BaseUrl"/> (its origin + /.default).</summary>
    private string Scope => tokens.ScopeOr($"{new Uri(BaseUrl).GetLeftPart(UriPartial.Authority)}/.default");

    public string Route() => $"Microsoft Graph {BaseUrl} as {Sender} (client {tokens.ClientId} of {tokens.Authority})";

    public async Task<string> SendAsync(MimeMessage message, MailTranscript? transcript, CancellationToken cancellationToken)
    {
        var sender = Sender;
        var url = $"{BaseUrl}/users/{Uri.EscapeDataString(sender)}/sendMail";
        var body = GraphMessage.From(message, AttachmentBudget);
        var token = await tokens.GetAsync(Scope, forceRefresh: false, cancellationToken);
        transcript?.Stage($"token: {token} (client {tokens.ClientId} of {tokens.Authority})");
        var (status, answer) = await PostAsync(url, body, token, cancellationToken);
        if (status == HttpStatusCode.Unauthorized && token.FromCache)
        {
            token = await tokens.GetAsync(Scope, forceRefresh: true, cancellationToken);
            transcript?.Stage($"token: refused by Graph; {token}");
            (status, answer) = await PostAsync(url, body, token, cancellationToken);
        }

        transcript?.Stage($"graph: POST {url} answered {(int)status} {status}{(string.IsNullOrEmpty(answer) ? "" : $": {answer}")}");
        if (status == HttpStatusCode.Accepted || (int)status is >= 200 and < 300)
        {
            return $"{(int)status} {status} (Microsoft Graph{(string.IsNullOrEmpty(answer) ? "" : $", {answer}")})";
        }

        throw GraphErrors.Describe(status, answer, url, sender);
    }

    private async Task<(HttpStatusCode Status, string Answer)> PostAsync(string url, JsonElement body, MailAccessToken token, CancellationToken cancellationToken)
    {
        // Buffered, with a Content-Length: proxies and some gateways refuse a chunked request body.
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body.GetRawText(), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        try
        {
            using var response = await _http.Value.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var requestId = response.Headers.TryGetValues("request-id", out var ids) ? ids.FirstOrDefault() : null;
            return (response.StatusCode, response.IsSuccessStatusCode ? (requestId is null ? "" : $"request-id {requestId}") : text);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            throw new MailDeliveryException($"Microsoft Graph at {BaseUrl} cannot be reached: {ex.GetBaseException().Message.Split('\n', 2)[0].Trim()}", isTransient: true, ex);
        }
    }

    public void Dispose()
    {
        if (_http.IsValueCreated)
        {
            _http.Value.Dispose();
        }
    }
}
