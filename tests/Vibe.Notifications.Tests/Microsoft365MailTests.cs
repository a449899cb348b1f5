using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Vibe.Infrastructure.Notifications;
using Vibe.Notifications.Tests.Support;
using Vibe.TestSupport;

namespace Vibe.Notifications.Tests;

/// <summary>
/// Mail through Office 365 as it works today, against real protocol stand-ins on loopback: an SMTP server that offers
/// only XOAUTH2 and checks the bearer token and the mailbox (aiosmtpd), and HTTPS stand-ins for the identity
/// platform's token endpoint and Graph's sendMail. The path through vibe is the real one: MSAL, MailKit, the outbox.
/// </summary>
public sealed class Microsoft365MailTests : IDisposable
{
    private const string Mailbox = "robot@contoso.com";
    private readonly TempWorkspace _workspace = new();
    private readonly TestCertificates _certificates = TestCertificates.Create();

    [Fact]
    public async Task A_failure_mail_goes_out_over_xoauth2_exactly_once_and_neither_secret_nor_token_shows_anywhere()
    {
        using var identity = await Microsoft365TestServer.StartAsync(new Microsoft365Setup(_certificates));
        using var smtp = await SmtpTestServer.StartAsync(OAuthSmtp(identity));
        _workspace.WriteRobotList(Workspaces.FailingRobot()).WriteEnv(SmtpWithOAuth(smtp, identity));

        var run = await _workspace.VibeAsync("run-now", "invoice-download");
        var again = await _workspace.VibeAsync("notify", "send");
        var status = await _workspace.VibeAsync("status", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("failure mail sent to ops@example.com", run.Output, StringComparison.Ordinal);
        var mail = Assert.Single(smtp.Messages());
        Assert.True(mail.Tls);
        Assert.Equal(Mailbox, mail.Login);
        Assert.Equal("[vibe] invoice-download failed (attempt 1/1) on RPA-01", mail.Message.Subject);
        var token = Assert.Single(identity.IssuedTokens());
        Assert.Equal([$"AUTH XOAUTH2 tls=True user={Mailbox} token={token} ok=True"], smtp.AuthAttempts());
        Assert.Equal([$"client={identity.Setup.ClientId} credential=secret scope=https://outlook.office365.com/.default"], identity.TokenRequests());
        Assert.Contains("no mail is due", again.Output, StringComparison.Ordinal);
        Assert.Single(smtp.Messages());
        AssertNowhere([identity.Setup.ClientSecret, token], run.Output, run.Error, again.Output, again.Error, status.Output, status.Error);
    }

    [Fact]
    public async Task Notify_test_with_oauth2_prints_the_token_the_greeting_the_auth_result_and_the_delivery_but_not_the_token()
    {
        using var identity = await Microsoft365TestServer.StartAsync(new Microsoft365Setup(_certificates));
        using var smtp = await SmtpTestServer.StartAsync(OAuthSmtp(identity));
        _workspace.WriteEnv(SmtpWithOAuth(smtp, identity));

        var result = await _workspace.VibeAsync("notify", "test", "--to", "someone@example.com");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"as {Mailbox} with OAuth 2.0 (client {identity.Setup.ClientId} of {identity.AuthorityHost}/{identity.Setup.TenantId})", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"token: obtained, expires \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, scopes https://outlook\.office365\.com/\.default", result.Output);
        Assert.Contains("server: 220 vibe-test-smtp", result.Output, StringComparison.Ordinal);
        Assert.Contains("server: 235 2.7.0 Authentication successful", result.Output, StringComparison.Ordinal);
        Assert.Contains("the server accepted the mail: 2.0.0 OK queued as vibe-test-1", result.Output, StringComparison.Ordinal);
        Assert.True(result.Output.IndexOf("token: obtained", StringComparison.Ordinal) < result.Output.IndexOf("server: 235", StringComparison.Ordinal), result.Output);
        AssertNowhere([identity.Setup.ClientSecret, Assert.Single(identity.IssuedTokens())], result.Output, result.Error);
    }

    [Fact]
    public async Task A_cached_token_the_server_refuses_is_renewed_once_and_each_mail_still_goes_out_once()
    {
        using var identity = await Microsoft365TestServer.StartAsync(new Microsoft365Setup(_certificates));
        using var smtp = await SmtpTestServer.StartAsync(OAuthSmtp(identity));
        _workspace.WriteEnv(SmtpWithOAuth(smtp, identity));
        await using var vibe = await InProcessVibe.StartAsync(_workspace);
        var dispatcher = vibe.Get<OutboxDispatcher>();

        await OutboxRows.QueueFailureAsync(vibe);
        var first = await dispatcher.DeliverDueAsync(CancellationToken.None);
        var firstToken = Assert.Single(identity.IssuedTokens());
        identity.Revoke(firstToken);
        await OutboxRows.QueueFailureAsync(vibe, robotName: "payroll-export");
        var second = await dispatcher.DeliverDueAsync(CancellationToken.None);

        Assert.Single(first.Sent);
        Assert.Single(second.Sent);
        Assert.Equal(2, smtp.Messages().Count);
        var tokens = identity.IssuedTokens();
        Assert.Equal(2, tokens.Count);
        Assert.Equal(
            [
                $"AUTH XOAUTH2 tls=True user={Mailbox} token={tokens[0]} ok=True",
                $"AUTH XOAUTH2 tls=True user={Mailbox} token={tokens[0]} ok=False",
                $"AUTH XOAUTH2 tls=True user={Mailbox} token={tokens[1]} ok=True",
            ],
            smtp.AuthAttempts());
    }

    [Fact]
    public async Task A_wrong_client_secret_leaves_the_mail_queued_with_the_identity_platforms_answer_made_readable()
    {
        const string WrongSecret = "Q~not-the-secret-of-this-app-000";
        using var identity = await Microsoft365TestServer.StartAsync(new Microsoft365Setup(_certificates));
        using var smtp = await SmtpTestServer.StartAsync(OAuthSmtp(identity));
        _workspace.WriteRobotList(Workspaces.FailingRobot()).WriteEnv(SmtpWithOAuth(smtp, identity, WrongSecret));

        var run = await _workspace.VibeAsync("run-now", "invoice-download");
        var queue = await _workspace.VibeAsync("notify", "queue");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the failure mail to ops@example.com could not be sent", run.Error, StringComparison.Ordinal);
        Assert.Contains($"gave no token to client {identity.Setup.ClientId}: AADSTS7000215: the client secret is wrong (VIBE_OAUTH_CLIENT_SECRET)", run.Error, StringComparison.Ordinal);
        Assert.Contains("it stays queued", run.Error, StringComparison.Ordinal);
        Assert.Contains("AADSTS7000215", queue.Output, StringComparison.Ordinal);
        Assert.Contains("next try", queue.Output, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages());
        Assert.Empty(smtp.AuthAttempts());
        AssertNowhere([WrongSecret], run.Output, run.Error, queue.Output, queue.Error);
    }

    [Fact]
    public async Task Graph_sends_the_failure_mail_with_its_screenshot_and_its_message_id()
    {
        using var identity = await Microsoft365TestServer.StartAsync(new Microsoft365Setup(_certificates));
        _workspace.WriteEnv(GraphEnv(identity));
        await using var vibe = await InProcessVibe.StartAsync(_workspace);
        await OutboxRows.QueueFailureAsync(vibe, OutboxRows.Png);

        var report = await vibe.Get<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);

        var delivery = Assert.Single(report.Sent);
        Assert.StartsWith("202 Accepted (Microsoft Graph, request-id req-1)", delivery.ServerAnswer, StringComparison.Ordinal);
        var message = Assert.Single(identity.GraphMails()).GetProperty("message");
        Assert.Equal($"[vibe] invoice-download failed (attempt 1/1) on {Workspaces.HostName}", message.GetProperty("subject").GetString());
        Assert.Equal("ops@example.com", message.GetProperty("toRecipients")[0].GetProperty("emailAddress").GetProperty("address").GetString());
        Assert.Equal($"<vibe.failure.{delivery.RunId}@{Workspaces.HostName}>", message.GetProperty("internetMessageId").GetString());
        Assert.Contains("Robot invoice-download failed", message.GetProperty("body").GetProperty("content").GetString(), StringComparison.Ordinal);
        var attachment = message.GetProperty("attachments")[0];
        Assert.Equal("screenshot.png", attachment.GetProperty("name").GetString());
        Assert.Equal("image/png", attachment.GetProperty("contentType").GetString());
        Assert.Equal(OutboxRows.Png, Convert.FromBase64String(attachment.GetProperty("contentBytes").GetString()!));
        Assert.Equal([$"client={identity.Setup.ClientId} credential=secret scope={identity.AuthorityHost}/.default"], identity.TokenRequests());
    }

    [Fact]
    public async Task Graph_refusing_the_mailbox_keeps_the_mail_queued_with_what_to_fix()
    {
        using var identity = await Microsoft365TestServer.StartAsync(new Microsoft365Setup(_certificates));
        _workspace.WriteEnv([.. GraphEnv(identity), "VIBE_GRAPH_SENDER=nobody@contoso.com"]);
        await using var vibe = await InProcessVibe.StartAsync(_workspace);
        await OutboxRows.QueueFailureAsync(vibe);

        var report = await vibe.Get<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);

        var failed = Assert.Single(report.Failed);
        Assert.Contains("Microsoft Graph refused the mail of nobody@contoso.com: 404 NotFound, ErrorInvalidUser: there is no such mailbox", failed.Error, StringComparison.Ordinal);
        Assert.Empty(identity.GraphMails());
    }

    [Fact]
    public async Task Notify_test_through_graph_with_a_certificate_credential_shows_each_stage()
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=vibe app", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var pfx = _workspace.PathOf("app.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-Passw0rd"));
        using var identity = await Microsoft365TestServer.StartAsync(new Microsoft365Setup(_certificates) { Certificate = certificate });
        _workspace.WriteEnv(
        [
            .. GraphEnv(identity).Where(line => !line.StartsWith("VIBE_OAUTH_CLIENT_SECRET=", StringComparison.Ordinal)),
            "VIBE_OAUTH_CERTIFICATE=app.pfx",
            "VIBE_OAUTH_CERTIFICATE_PASSWORD=pfx-Passw0rd",
        ]);

        var result = await _workspace.VibeAsync("notify", "test", "--to", "someone@example.com");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"through Microsoft Graph {identity.GraphUrl} as {Mailbox}", result.Output, StringComparison.Ordinal);
        Assert.Contains("token: obtained", result.Output, StringComparison.Ordinal);
        Assert.Contains($"graph: POST {identity.GraphUrl}/users/robot%40contoso.com/sendMail answered 202 Accepted", result.Output, StringComparison.Ordinal);
        Assert.Equal([$"client={identity.Setup.ClientId} credential=certificate scope={identity.AuthorityHost}/.default"], identity.TokenRequests());
        Assert.Single(identity.GraphMails());
        AssertNowhere(["pfx-Passw0rd", Assert.Single(identity.IssuedTokens())], result.Output, result.Error);
    }

    public static TheoryData<string[], string> BadSettings => new()
    {
        { ["VIBE_MAIL_TRANSPORT=pigeon"], "VIBE_MAIL_TRANSPORT is 'pigeon'; use smtp or graph" },
        { ["VIBE_SMTP_AUTH=kerberos"], "VIBE_SMTP_AUTH is 'kerberos'; use password or oauth2" },
        { ["VIBE_SMTP_AUTH=oauth2", "VIBE_SMTP_USER=robot@contoso.com"], "VIBE_OAUTH_TENANT_ID is not set, but VIBE_SMTP_AUTH=oauth2 needs it" },
        { ["VIBE_SMTP_AUTH=oauth2", "VIBE_SMTP_USER=robot@contoso.com", "VIBE_OAUTH_TENANT_ID=contoso", "VIBE_OAUTH_CLIENT_ID=x", "VIBE_OAUTH_CLIENT_SECRET=abcdefgh"], "VIBE_OAUTH_TENANT_ID is 'contoso'" },
        { ["VIBE_SMTP_AUTH=oauth2", "VIBE_SMTP_USER=robot@contoso.com", "VIBE_OAUTH_TENANT_ID=contoso.onmicrosoft.com", "VIBE_OAUTH_CLIENT_ID=x", "VIBE_OAUTH_CLIENT_SECRET=abcdefgh"], "VIBE_OAUTH_CLIENT_ID is 'x'; use the Application (client) ID" },
        { ["VIBE_SMTP_AUTH=oauth2", "VIBE_SMTP_USER=robot", "VIBE_OAUTH_TENANT_ID=contoso.onmicrosoft.com"], "VIBE_SMTP_USER is 'robot', but VIBE_SMTP_AUTH=oauth2 logs in as a mailbox" },
        { ["VIBE_SMTP_AUTH=oauth2", "VIBE_SMTP_USER=robot@contoso.com", "VIBE_SMTP_PASSWORD=hunter2-long"], "VIBE_SMTP_PASSWORD is set, but VIBE_SMTP_AUTH=oauth2 logs in with a token" },
        { ["VIBE_SMTP_AUTH=oauth2", "VIBE_SMTP_USER=robot@contoso.com"], "neither VIBE_OAUTH_CLIENT_SECRET nor VIBE_OAUTH_CERTIFICATE is set" },
        { ["VIBE_SMTP_AUTH=oauth2", "VIBE_OAUTH_CLIENT_SECRET=abcdefgh", "VIBE_OAUTH_CERTIFICATE=app.pfx"], "both VIBE_OAUTH_CLIENT_SECRET and VIBE_OAUTH_CERTIFICATE are set" },
        { ["VIBE_SMTP_AUTH=oauth2", "VIBE_OAUTH_CERTIFICATE=missing.pfx"], "missing.pfx: the file does not exist" },
        { ["VIBE_SMTP_AUTH=oauth2", "VIBE_OAUTH_AUTHORITY_HOST=http://login.example.com"], "VIBE_OAUTH_AUTHORITY_HOST is 'http://login.example.com'; use an https address" },
        { ["VIBE_SMTP_AUTH=oauth2", "VIBE_OAUTH_SCOPE=Mail.Send"], "VIBE_OAUTH_SCOPE is 'Mail.Send'; an app-only token needs a scope ending in /.default" },
        { ["VIBE_MAIL_TRANSPORT=graph", "VIBE_SMTP_FROM="], "neither VIBE_GRAPH_SENDER nor VIBE_SMTP_FROM is set" },
        { ["VIBE_MAIL_TRANSPORT=graph", "VIBE_GRAPH_SENDER=Robot <robot@contoso.com>"], "VIBE_GRAPH_SENDER is 'Robot <robot@contoso.com>'; use the address of the mailbox" },
        { ["VIBE_MAIL_TRANSPORT=graph", "VIBE_GRAPH_URL=graph.microsoft.com"], "VIBE_GRAPH_URL is 'graph.microsoft.com'; use an https address" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Validate_names_each_bad_office_365_setting(string[] settings, string expected)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["VIBE_HOST_NAME"] = Workspaces.HostName,
            ["VIBE_SMTP_HOST"] = "smtp.office365.com",
            ["VIBE_SMTP_SECURITY"] = "StartTls",
            ["VIBE_SMTP_FROM"] = "robot@contoso.com",
            ["VIBE_NOTIFY_TO"] = "ops@example.com",
        };
        foreach (var setting in settings)
        {
            var (key, value) = (setting[..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            env[key] = value;
        }

        _workspace.WriteRobotList(Workspaces.FailingRobot()).WriteEnv([.. env.Where(pair => pair.Value.Length > 0).Select(pair => $"{pair.Key}={pair.Value}")]);

        var result = await _workspace.VibeAsync("validate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    private static SmtpServerSetup OAuthSmtp(Microsoft365TestServer identity) =>
        new() { StartTls = identity.Setup.Certificates, User = Mailbox, OAuthTokens = identity };

    private string[] SmtpWithOAuth(SmtpTestServer smtp, Microsoft365TestServer identity, string? secret = null) =>
    [
        $"VIBE_HOST_NAME={Workspaces.HostName}",
        "VIBE_SMTP_HOST=127.0.0.1",
        $"VIBE_SMTP_PORT={smtp.Port}",
        "VIBE_SMTP_SECURITY=StartTls",
        "VIBE_SMTP_AUTH=oauth2",
        $"VIBE_SMTP_USER={Mailbox}",
        $"VIBE_SMTP_CA_FILE={_certificates.CaCertificatePath}",
        $"VIBE_SMTP_FROM={Mailbox}",
        "VIBE_NOTIFY_TO=ops@example.com",
        .. identity.OAuthEnv(secret),
    ];

    private static string[] GraphEnv(Microsoft365TestServer identity) =>
    [
        $"VIBE_HOST_NAME={Workspaces.HostName}",
        "VIBE_MAIL_TRANSPORT=graph",
        $"VIBE_GRAPH_URL={identity.GraphUrl}",
        $"VIBE_SMTP_FROM=vibe <{Mailbox}>",
        "VIBE_NOTIFY_TO=ops@example.com",
        .. identity.OAuthEnv(),
    ];

    /// <summary>Neither in what the commands printed, nor in any file vibe wrote (run logs, evidence, journal, store).</summary>
    private void AssertNowhere(string[] secrets, params string[] outputs)
    {
        foreach (var secret in secrets)
        {
            foreach (var output in outputs)
            {
                Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
            }

            if (Directory.Exists(_workspace.DataDirectory))
            {
                foreach (var file in Directory.EnumerateFiles(_workspace.DataDirectory, "*", SearchOption.AllDirectories))
                {
                    Assert.False(File.ReadAllText(file).Contains(secret, StringComparison.Ordinal), $"{file} holds a secret");
                }
            }
        }
    }

    public void Dispose()
    {
        _workspace.Dispose();
        _certificates.Dispose();
    }
}
