using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;
using Vibe.Application.Common.Interfaces;
using Vibe.Domain.Robots;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Notifications.Microsoft365;

namespace Vibe.Infrastructure.Notifications;

/// <summary>
/// Reports every problem with the mail settings at once, in the .env keys' own names. Settings are required only
/// when notifications are configured at all: some VIBE_SMTP_* key is set, VIBE_NOTIFY_TO is set, or a robot has a
/// "notify" list. A machine that sends no mail needs no SMTP server.
/// </summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    private readonly IConfiguration _configuration;
    private readonly IRobotCatalog _catalog;
    private readonly VibeLocations _locations;
    private readonly TimeProvider _time;

    public SmtpOptionsValidator(IConfiguration configuration, IRobotCatalog catalog, VibeLocations locations, TimeProvider time)
    {
        _time = time;
        _configuration = configuration;
        _catalog = catalog;
        _locations = locations;
    }

    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Every problem with the mail settings in .env as they are now; empty when they are fine or not needed.</summary>
    public IReadOnlyList<string> CurrentProblems() => Problems(ReadRaw());

    /// <summary>The settings as written in .env, without validation (which would throw).</summary>
    internal SmtpOptions ReadRaw() => _configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();

    internal IReadOnlyList<string> Problems(SmtpOptions smtp)
    {
        var problems = new List<string>();
        var notify = ReadNotify(problems);
        var mail = Read<MailOptions>(MailOptions.Section);
        var oauth = Read<OAuthOptions>(OAuthOptions.Section);
        var graph = Read<GraphOptions>(GraphOptions.Section);
        if (!MailOptions.TryParseTransport(mail.Transport, out var transport))
        {
            problems.Add($"VIBE_MAIL_TRANSPORT is '{mail.Transport}'; use smtp or graph");
        }

        if (!MailOptions.TryParseAuth(smtp.Auth, out var auth))
        {
            problems.Add($"VIBE_SMTP_AUTH is '{smtp.Auth}'; use password or oauth2");
        }

        var reason = WhyMailIsConfigured(smtp, notify, mail, oauth, graph);
        if (reason is null)
        {
            return problems;
        }

        if (transport == MailTransportKind.Graph)
        {
            problems.AddRange(OAuthSettingsRules.GraphProblems(graph, smtp, IsMailAddress));
            problems.AddRange(OAuthSettingsRules.Problems(oauth, _locations.ConfigDirectory, "VIBE_MAIL_TRANSPORT=graph", _time.GetUtcNow()));
        }
        else
        {
            SmtpProblems(smtp, auth, reason, problems);
            if (auth == SmtpAuthMode.OAuth2)
            {
                problems.AddRange(OAuthSettingsRules.Problems(oauth, _locations.ConfigDirectory, "VIBE_SMTP_AUTH=oauth2", _time.GetUtcNow()));
            }
        }

        foreach (var recipient in notify?.DefaultRecipients ?? [])
        {
            if (!IsMailAddress(recipient))
            {
                problems.Add($"VIBE_NOTIFY_TO contains '{recipient}', which is not an e-mail address");
            }
        }

        return problems;
    }

    private void SmtpProblems(SmtpOptions smtp, SmtpAuthMode auth, string reason, List<string> problems)
    {
        if (!smtp.IsConfigured)
        {
            problems.Add($"VIBE_SMTP_HOST is not set, but {reason}: set it to the SMTP server's host name");
        }

        if (!SmtpOptions.TryParsePort(smtp.Port, out _))
        {
            problems.Add($"VIBE_SMTP_PORT is '{smtp.Port}'; use a port number from 1 to 65535");
        }

        if (!SmtpOptions.TryParseSecurity(smtp.Security, out _))
        {
            problems.Add($"VIBE_SMTP_SECURITY is '{smtp.Security}'; use one of {string.Join(", ", Enum.GetNames<SmtpSecurity>())}");
        }

        if (string.IsNullOrWhiteSpace(smtp.From))
        {
            problems.Add("VIBE_SMTP_FROM is not set: set the sender address, for example vibe@example.com");
        }
        else if (!IsMailAddress(smtp.From))
        {
            problems.Add($"VIBE_SMTP_FROM is '{smtp.From}', which is not an e-mail address");
        }

        var hasUser = !string.IsNullOrWhiteSpace(smtp.User);
        var hasPassword = !string.IsNullOrEmpty(smtp.Password);
        if (auth == SmtpAuthMode.OAuth2)
        {
            if (!hasUser)
            {
                problems.Add("VIBE_SMTP_USER is not set, but VIBE_SMTP_AUTH=oauth2 logs in as a mailbox: set it to the mailbox to send as, for example robot@contoso.com");
            }
            else if (!IsMailAddress(smtp.User!))
            {
                problems.Add($"VIBE_SMTP_USER is '{smtp.User}', but VIBE_SMTP_AUTH=oauth2 logs in as a mailbox: use its address, for example robot@contoso.com");
            }

            if (hasPassword)
            {
                problems.Add("VIBE_SMTP_PASSWORD is set, but VIBE_SMTP_AUTH=oauth2 logs in with a token: remove the password from .env");
            }
        }
        else if (hasUser && !hasPassword)
        {
            problems.Add("VIBE_SMTP_USER is set but VIBE_SMTP_PASSWORD is not: set both, or neither for a server without login");
        }
        else if (hasPassword && !hasUser)
        {
            problems.Add("VIBE_SMTP_PASSWORD is set but VIBE_SMTP_USER is not: set both, or neither for a server without login");
        }

        if (hasUser && SmtpOptions.TryParseSecurity(smtp.Security, out var security) && security == SmtpSecurity.None)
        {
            problems.Add($"VIBE_SMTP_SECURITY is None but VIBE_SMTP_USER is set: vibe never sends a {(auth == SmtpAuthMode.OAuth2 ? "token" : "password")} over an unencrypted connection; use StartTls, SslOnConnect or Auto");
        }

        if (!SmtpOptions.TryParseTimeout(smtp.Timeout, out _))
        {
            problems.Add($"VIBE_SMTP_TIMEOUT is '{smtp.Timeout}'; use a duration such as 30s or 00:00:30");
        }

        if (!string.IsNullOrWhiteSpace(smtp.CaFile))
        {
            var path = Path.GetFullPath(smtp.CaFile.Trim(), _locations.ConfigDirectory);
            if (CaFileProblem(path) is { } problem)
            {
                problems.Add($"VIBE_SMTP_CA_FILE: {path}: {problem}");
            }
        }
    }

    private T Read<T>(string section)
        where T : new() => _configuration.GetSection(section).Get<T>() ?? new T();

    /// <summary>Whether <paramref name="text"/> is one address with a domain ("ops@example.com" or "Ops     internal static bool IsMailAddress(string text) =>lt;ops@example.com    internal static bool IsMailAddress(string text) =>gt;").</summary>
    public static bool IsMailAddress(string text) =>
        MailboxAddress.TryParse(text.Trim(), out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal) && !mailbox.Address.EndsWith('@');

    /// <summary>Why this machine is expected to send mail, or null when nothing asks for it.</summary>
    private string? WhyMailIsConfigured(SmtpOptions smtp, NotifyOptions? notify, MailOptions mail, OAuthOptions oauth, GraphOptions graph)
    {
        if (new[] { smtp.Host, smtp.Port, smtp.Security, smtp.User, smtp.Password, smtp.From, smtp.CaFile, smtp.Auth }.Any(value => !string.IsNullOrWhiteSpace(value)))
        {
            return "other VIBE_SMTP_ settings are";
        }

        if (new[] { mail.Transport, oauth.TenantId, oauth.ClientId, oauth.ClientSecret, oauth.Certificate, graph.Url, graph.Sender }.Any(value => !string.IsNullOrWhiteSpace(value)))
        {
            return "VIBE_MAIL_TRANSPORT, VIBE_OAUTH_ or VIBE_GRAPH_ settings are";
        }

        if (notify?.DefaultRecipients.Count > 0)
        {
            return "VIBE_NOTIFY_TO is set";
        }

        var pending = _catalog.GetAsync(CancellationToken.None);
        var catalog = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        var notifying = catalog.Robots.FirstOrDefault(robot => robot.Notify.To.Count > 0);
        return notifying is null ? null : $"robot '{notifying.Name}' has a \"notify\" list";
    }

    private NotifyOptions? ReadNotify(List<string> problems)
    {
        var section = _configuration.GetSection(NotifyOptions.Section);
        NotifyOptions? notify = null;
        try
        {
            notify = section.Get<NotifyOptions>() ?? new NotifyOptions();
        }
        catch (InvalidOperationException)
        {
            problems.Add($"VIBE_NOTIFY_MAX_ATTACHMENT_KB is '{section["MaxAttachmentKb"]}'; use a whole number of kilobytes");
        }

        foreach (var (key, value) in new[] { ("VIBE_NOTIFY_POLL_INTERVAL", section["PollInterval"]), ("VIBE_NOTIFY_RETRY_DELAY", section["RetryDelay"]), ("VIBE_NOTIFY_MAX_RETRY_DELAY", section["MaxRetryDelay"]) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !(Duration.TryParse(value, out var duration) && duration > TimeSpan.Zero))
            {
                problems.Add($"{key} is '{value}'; use a duration such as 30s, 5m or 00:05:00");
            }
        }

        if (notify is { Template: { Length: > 0 } template })
        {
            var path = Path.GetFullPath(template, _locations.ConfigDirectory);
            if (!File.Exists(path))
            {
                problems.Add($"VIBE_NOTIFY_TEMPLATE: {path} does not exist (remove the setting to use the built-in template)");
            }
        }

        return notify;
    }

    internal static string? CaFileProblem(string path)
    {
        if (!File.Exists(path))
        {
            return "the file does not exist";
        }

        try
        {
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPemFile(path);
            return certificates.Count == 0 ? "no PEM certificate in the file (-----BEGIN CERTIFICATE-----)" : null;
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return $"cannot read the certificates: {ex.Message}";
        }
    }
}
