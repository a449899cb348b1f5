using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Notifications;

/// <summary>
/// Hands one message to the configured SMTP server with MailKit: connect (TLS as configured), log in when a user is
/// set, send, quit. Every failure becomes a <see cref="MailDeliveryException"/> that says what the server answered.
/// </summary>
public sealed class SmtpMailSender
{
    private readonly IOptions<SmtpOptions> _options;
    private readonly VibeLocations _locations;

    public SmtpMailSender(IOptions<SmtpOptions> options, VibeLocations locations)
    {
        _options = options;
        _locations = locations;
    }

    /// <summary>The validated settings; a <see cref="MailDeliveryException"/> lists every problem when they are wrong.</summary>
    public SmtpEndpoint Endpoint()
    {
        SmtpOptions options;
        try
        {
            options = _options.Value;
        }
        catch (OptionsValidationException ex)
        {
            throw new MailDeliveryException($"the SMTP settings in .env have problems: {string.Join("; ", ex.Failures)}", isTransient: false, ex);
        }

        if (!options.IsConfigured)
        {
            throw new MailDeliveryException("VIBE_SMTP_HOST is not set in .env, so no mail can be sent", isTransient: false);
        }

        return options.ToEndpoint(_locations.ConfigDirectory);
    }

    /// <summary>Sends <paramref name="message"/> (its From is filled in from VIBE_SMTP_FROM when empty); returns the server's final answer.</summary>
    public async Task<string> SendAsync(MimeMessage message, SmtpTranscript? transcript, CancellationToken cancellationToken)
    {
        var endpoint = Endpoint();
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
                var trusted = new X509Certificate2Collection();
                trusted.ImportFromPemFile(caFile);
                client.ServerCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate, errors, trusted);
            }

            await client.ConnectAsync(endpoint.Host, endpoint.Port, endpoint.SocketOptions, cancellationToken);
            if (endpoint.User is { } user)
            {
                if (!client.IsSecure)
                {
                    throw new MailDeliveryException(
                        $"SMTP server {endpoint}: the connection is not encrypted, so the password of '{user}' was not sent; use VIBE_SMTP_SECURITY=StartTls or SslOnConnect with a server that offers TLS", isTransient: false);
                }

                await client.AuthenticateAsync(user, endpoint.Password ?? "", cancellationToken);
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

    /// <summary>The system's trust first; otherwise the chain must end at a certificate of VIBE_SMTP_CA_FILE. The name must match either way.</summary>
    private static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection trusted)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(server);
    }

    private static MailDeliveryException Describe(Exception ex, SmtpEndpoint endpoint)
    {
        var server = $"SMTP server {endpoint}";
        return ex switch
        {
            SmtpCommandException command => new MailDeliveryException(
                $"{server} answered {(int)command.StatusCode} {command.Message}", (int)command.StatusCode is >= 400 and < 500, ex),
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
