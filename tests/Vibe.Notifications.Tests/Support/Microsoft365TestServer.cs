using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Vibe.Notifications.Tests.Support;

/// <summary>Who the identity stand-in knows: the tenant, the app registration and the Graph mailbox.</summary>
public sealed record Microsoft365Setup(TestCertificates Certificates)
{
    public string TenantId { get; init; } = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    public string ClientId { get; init; } = "3e1c4b8a-6d2f-4c7e-9a15-0b8d2e6f7a90";

    public string ClientSecret { get; init; } = "Q~8vR.secret-value-of-the-app~x1";

    /// <summary>The certificate the app registration accepts, when it uses one (its public part, as uploaded to the portal).</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; init; }

    public string Sender { get; init; } = "robot@contoso.com";
}

/// <summary>
/// Real HTTPS stand-ins for the Microsoft identity platform's token endpoint and Graph's sendMail
/// (tests/Vibe.Notifications.Tests/microsoft365_server.py) on a loopback port, with a certificate of the test CA.
/// </summary>
public sealed class Microsoft365TestServer : IDisposable
{
    private readonly Process _process;

    private Microsoft365TestServer(Process process, int port, string directory, Microsoft365Setup setup)
    {
        _process = process;
        Port = port;
        Directory = directory;
        Setup = setup;
    }

    public int Port { get; }

    /// <summary>Where the issued tokens, the revoked ones and the Graph requests are kept.</summary>
    public string Directory { get; }

    public Microsoft365Setup Setup { get; }

    public string AuthorityHost => $"https://127.0.0.1:{Port}";

    public string GraphUrl => $"https://127.0.0.1:{Port}/v1.0";

    public static async Task<Microsoft365TestServer> StartAsync(Microsoft365Setup setup)
    {
        var port = SmtpTestServer.FreePort();
        var directory = System.IO.Directory.CreateTempSubdirectory("vibe-m365-").FullName;
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "microsoft365_server.py"), "--port", port.ToString(CultureInfo.InvariantCulture), "--dir", directory,
            "--cert", setup.Certificates.ServerCertificatePath, "--key", setup.Certificates.ServerKeyPath,
            "--tenant", setup.TenantId, "--client-id", setup.ClientId, "--client-secret", setup.ClientSecret,
            "--certificate-sha1", setup.Certificate?.Thumbprint ?? "",
            "--certificate-sha256", setup.Certificate?.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256) ?? "",
            "--sender", setup.Sender,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "ready")
        {
            throw new InvalidOperationException($"the Microsoft 365 stand-in did not start: {line}\n{await process.StandardError.ReadToEndAsync(timeout.Token)}");
        }

        return new Microsoft365TestServer(process, port, directory, setup);
    }

    /// <summary>The tokens issued so far, in order.</summary>
    public IReadOnlyList<string> IssuedTokens() => Lines("tokens.txt");

    /// <summary>One line per token request: "client=… credential=secret|certificate scope=…".</summary>
    public IReadOnlyList<string> TokenRequests() => Lines("token-requests.log");

    /// <summary>From now on the SMTP and Graph stand-ins refuse these tokens, as Exchange does with an expired one.</summary>
    public void Revoke(params string[] tokens) => File.AppendAllLines(Path.Combine(Directory, "revoked.txt"), tokens);

    /// <summary>The sendMail request bodies Graph accepted, in order.</summary>
    public IReadOnlyList<JsonElement> GraphMails() =>
        System.IO.Directory.GetFiles(Directory, "graph-*.json").Order(StringComparer.Ordinal)
            .Select(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement.Clone())
            .ToList();

    /// <summary>.env lines for the app registration of this stand-in, trusted through VIBE_OAUTH_CA_FILE.</summary>
    public string[] OAuthEnv(string? secret = null) =>
    [
        $"VIBE_OAUTH_TENANT_ID={Setup.TenantId}",
        $"VIBE_OAUTH_CLIENT_ID={Setup.ClientId}",
        $"VIBE_OAUTH_CLIENT_SECRET={secret ?? Setup.ClientSecret}",
        $"VIBE_OAUTH_AUTHORITY_HOST={AuthorityHost}",
        $"VIBE_OAUTH_CA_FILE={Setup.Certificates.CaCertificatePath}",
    ];

    private List<string> Lines(string name)
    {
        var path = Path.Combine(Directory, name);
        return File.Exists(path) ? File.ReadAllLines(path).Where(line => line.Length > 0).ToList() : [];
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder; the OS cleans it.
        }
    }
}
