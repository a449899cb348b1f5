using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Notifications.Microsoft365;

namespace Vibe.Infrastructure.Notifications;

/// <summary>
/// Hands one message to the configured SMTP server with MailKit: connect (TLS as configured), log in when a user is
/// set (with the password, or with XOAUTH2 and a token of the Microsoft identity platform), send, quit. Every failure
/// becomes a <see cref="MailDeliveryException"/> that says what the server answered.
/// </summary>
public sealed class SmtpMailSender(IOptions<SmtpOptions> options, VibeLocations locations, IdentityTokenSource tokens) : IMailTransport
{
    /// <summary>The scope of an app-only token for Exchange Online's SMTP AUTH.</summary>
    public const string ExchangeOnlineScope = "https://outlook.office365.com/.default";

    /// <summary>The validated settings; a <see cref="MailDeliveryException"/> lists every problem when they are wrong.</summary>
    public SmtpEndpoint Endpoint()
    {
        SmtpOptions current;
        try
        {
            current = options.Value;
        }
        catch (OptionsValidationException ex)
        {
            throw new MailDeliveryException($"the mail settings in .env have problems: {string.Join("; ", ex.Failures)}", isTransient: false, ex);
        }

        if (!current.IsConfigured)
        {
            throw new MailDeliveryException("VIBE_SMTP_HOST is not set in .env, so no mail can be sent", isTransient: false);
        }

        return current.ToEndpoint(locations.ConfigDirectory);
    }

    public string Route()
    {
        var endpoint = Endpoint();
        return endpoint switch
        {
            { User: null } => endpoint.ToString(),
            { Auth: SmtpAuthMode.OAuth2 } => $"{endpoint} as {endpoint.User} with OAuth 2.0 (client {tokens.ClientId} of {tokens.Authority})",
            _ => $"{endpoint} as {endpoint.User}",
        };
    }

    /// <summary>Sends <paramref name="message"/> (its From is filled in from VIBE_SMTP_FROM when empty); returns the server's final answer.</summary>
    public async Task<string> SendAsync(MimeMessage message, MailTranscript? transcript, CancellationToken cancellationToken)
    {
        var endpoint = Endpoint();

        // The token comes first: a refused app registration is the identity platform's answer, not the server's.
        var token = endpoint is { Auth: SmtpAuthMode.OAuth2, User: not null } ? await TokenAsync(forceRefresh: false, transcript, cancellationToken) : null;
        try
        {
            if (message.From.Count == 0)
            {
                message.From.Add(MailboxAddress.Parse(endpoint.From));
            }

            using var client = transcript is null ? new SmtpClient() : new SmtpClient(transcript.Logger);
            client.Timeout = (int)Math.Min(int.MaxValue, endpoint.Timeout.TotalMilliseconds);
            if (endpoint.CaFile is { } caFile)
            {
                var trusted = CertificateTrust.LoadAuthorities(caFile);
                client.ServerCertificateValidationCallback = (_, certificate, _, errors) => CertificateTrust.IsTrusted(certificate, errors, trusted);
            }

            await client.ConnectAsync(endpoint.Host, endpoint.Port, endpoint.SocketOptions, cancellationToken);
            if (endpoint.User is { } user)
            {
                if (!client.IsSecure)
                {
                    throw new MailDeliveryException(
                        $"SMTP server {endpoint}: the connection is not encrypted, so the {(token is null ? "password" : "token")} of '{user}' was not sent; use VIBE_SMTP_SECURITY=StartTls or SslOnConnect with a server that offers TLS", isTransient: false);
                }

                if (token is null)
                {
                    await client.AuthenticateAsync(user, endpoint.Password ?? "", cancellationToken);
                }
                else
                {
                    await AuthenticateWithTokenAsync(client, user, token, transcript, cancellationToken);
                }
            }

            var answer = await client.SendAsync(message, cancellationToken);
            await QuitQuietlyAsync(client);
            return answer;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not MailDeliveryException)
        {
            throw Describe(ex, endpoint);
        }
    }

    /// <summary>
    /// XOAUTH2 as the mailbox. A cached token the server refuses (it expired or was revoked in between) is replaced by
    /// a new one once; a refused new token is the answer.
    /// </summary>
    private async Task AuthenticateWithTokenAsync(SmtpClient client, string user, MailAccessToken token, MailTranscript? transcript, CancellationToken cancellationToken)
    {
        try
        {
            await client.AuthenticateAsync(new SaslMechanismOAuth2(user, token.Value), cancellationToken);
        }
        catch (AuthenticationException) when (token.FromCache)
        {
            var fresh = await TokenAsync(forceRefresh: true, transcript, cancellationToken);
            await client.AuthenticateAsync(new SaslMechanismOAuth2(user, fresh.Value), cancellationToken);
        }
    }

    private async Task<MailAccessToken> TokenAsync(bool forceRefresh, MailTranscript? transcript, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(tokens.ScopeOr(ExchangeOnlineScope), forceRefresh, cancellationToken);
        transcript?.Stage($"token: {token} (client {tokens.ClientId} of {tokens.Authority})");
        return token;
    }

    /// <summary>The server accepted the message: a failed QUIT must not make it look unsent (and send it twice).</summary>
    private static async Task QuitQuietlyAsync(SmtpClient client)
    {
        try
        {
            using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.DisconnectAsync(quit: true, quit.Token);
        }
        catch (Exception)
        {
            // Nothing to do: the mail is delivered.
        }
    }

    private static MailDeliveryException Describe(Exception ex, SmtpEndpoint endpoint)
    {
        var server = $"SMTP server {endpoint}";
        return ex switch
        {
            SmtpCommandException command => new MailDeliveryException(
                $"{server} answered {(int)command.StatusCode} {command.Message}", (int)command.StatusCode is >= 400 and < 500, ex),
            AuthenticationException auth when endpoint.Auth == SmtpAuthMode.OAuth2 => new MailDeliveryException(
                $"{server} refused the OAuth 2.0 login of '{endpoint.User}': {auth.Message} (Exchange Online refuses it when SMTP AUTH is off for the mailbox, see Set-CASMailbox -SmtpClientAuthenticationDisabled, or when the app's service principal has no access to it, see New-ServicePrincipal and Add-MailboxPermission)", isTransient: false, ex),
            AuthenticationException auth => new MailDeliveryException(
                $"{server} refused the login of '{endpoint.User}': {auth.Message}", isTransient: false, ex),
            SslHandshakeException tls => new MailDeliveryException(
                $"{server}: the TLS handshake failed (is the certificate trusted? see VIBE_SMTP_CA_FILE): {FirstLine(tls.InnerException?.Message ?? tls.Message)}", isTransient: false, ex),
            SocketException socket => new MailDeliveryException($"{server} cannot be reached: {socket.Message}", isTransient: true, ex),
            SmtpProtocolException or ServiceNotConnectedException or IOException or TimeoutException or OperationCanceledException =>
                new MailDeliveryException($"{server}: the connection failed: {FirstLine(ex.Message)}", isTransient: true, ex),
            NotSupportedException when endpoint.SocketOptions == SecureSocketOptions.StartTls => new MailDeliveryException(
                $"{server} does not offer STARTTLS, so {(endpoint.User is null ? "the mail" : $"the password of '{endpoint.User}'")} was not sent over an unencrypted connection (a server that stops offering STARTTLS may be under attack)", isTransient: true, ex),
            ParseException parse => new MailDeliveryException($"an address of the mail is not valid: {parse.Message}", isTransient: false, ex),
            _ => new MailDeliveryException($"{server}: {FirstLine(ex.Message)}", isTransient: false, ex),
        };
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
