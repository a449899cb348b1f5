using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MimeKit;

namespace Vibe.Notifications.Tests.Support;

/// <summary>How the test SMTP server behaves: TLS, login, transient refusals.</summary>
public sealed record SmtpServerSetup
{
    public TestCertificates? StartTls { get; init; }

    public TestCertificates? ImplicitTls { get; init; }

    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>Answer the first N messages with 451 (try again later).</summary>
    public int FailFirst { get; init; }

    /// <summary>Accept AUTH without TLS, as a server whose STARTTLS was stripped on the way would.</summary>
    public bool AuthInClear { get; init; }

    /// <summary>Offer only XOAUTH2 for <see cref="User"/>, accepting the tokens this identity stand-in issued (Exchange Online's way).</summary>
    public Microsoft365TestServer? OAuthTokens { get; init; }
}

/// <summary>One message as the server received it, with its envelope.</summary>
public sealed record ReceivedMail(MimeMessage Message, string Raw, string? Login, bool Tls, IReadOnlyList<string> Recipients);

/// <summary>
/// A real SMTP server (aiosmtpd, tests/Vibe.Notifications.Tests/smtp_server.py) on a loopback port, in its own
/// process, so a test can stop and start it like an operator's mail relay.
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    private readonly SmtpServerSetup _setup;
    private Process? _process;

    public SmtpTestServer(SmtpServerSetup? setup = null, int? port = null)
    {
        _setup = setup ?? new SmtpServerSetup();
        Port = port ?? FreePort();
        MailDirectory = Directory.CreateTempSubdirectory("vibe-smtp-").FullName;
    }

    public int Port { get; }

    public string MailDirectory { get; }

    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A loopback port nobody listens on, never handed out twice in this test process: a test that keeps its port
    /// closed for a while (an SMTP outage) must not find another test's server on it when it starts its own.
    /// </summary>
    public static int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    public static async Task<SmtpTestServer> StartAsync(SmtpServerSetup? setup = null)
    {
        var server = new SmtpTestServer(setup);
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "smtp_server.py"));
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--dir");
        start.ArgumentList.Add(MailDirectory);
        if (_setup.StartTls is { } starttls)
        {
            start.ArgumentList.Add("--starttls");
            start.ArgumentList.Add(starttls.ServerCertificatePath);
            start.ArgumentList.Add(starttls.ServerKeyPath);
        }

        if (_setup.ImplicitTls is { } implicitTls)
        {
            start.ArgumentList.Add("--implicit-tls");
            start.ArgumentList.Add(implicitTls.ServerCertificatePath);
            start.ArgumentList.Add(implicitTls.ServerKeyPath);
        }

        if (_setup.User is { } user)
        {
            start.ArgumentList.Add("--user");
            start.ArgumentList.Add(user);
            start.ArgumentList.Add("--password");
            start.ArgumentList.Add(_setup.Password ?? "");
        }

        if (_setup.OAuthTokens is { } tokens)
        {
            start.ArgumentList.Add("--xoauth2");
            start.ArgumentList.Add(tokens.Directory);
        }

        if (_setup.AuthInClear)
        {
            start.ArgumentList.Add("--auth-in-clear");
        }

        if (_setup.FailFirst > 0)
        {
            start.ArgumentList.Add("--fail-first");
            start.ArgumentList.Add(_setup.FailFirst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        _process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "ready")
        {
            var error = await _process.StandardError.ReadToEndAsync(timeout.Token);
            throw new InvalidOperationException($"the test SMTP server did not start: {line}\n{error}");
        }
    }

    /// <summary>Stops the server like an outage would: connections are refused from now on.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>The AUTH attempts the server saw ("AUTH PLAIN tls=False").</summary>
    public IReadOnlyList<string> AuthAttempts()
    {
        var log = Path.Combine(MailDirectory, "auth.log");
        return File.Exists(log) ? File.ReadAllLines(log) : [];
    }

    public IReadOnlyList<ReceivedMail> Messages()
    {
        var mails = new List<ReceivedMail>();
        foreach (var file in Directory.GetFiles(MailDirectory, "*.eml").Order(StringComparer.Ordinal))
        {
            var raw = File.ReadAllText(file);
            using var stream = File.OpenRead(file);
            var message = MimeMessage.Load(stream);
            using var envelope = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(file, ".json")));
            var root = envelope.RootElement;
            mails.Add(new ReceivedMail(
                message,
                raw,
                root.GetProperty("login").GetString(),
                root.GetProperty("tls").GetBoolean(),
                root.GetProperty("rcpt_tos").EnumerateArray().Select(element => element.GetString()!).ToList()));
        }

        return mails;
    }

    /// <summary>Waits (briefly, polling) until at least <paramref name="count"/> messages arrived.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var messages = Messages();
            if (messages.Count >= count || deadline.Elapsed > (timeout ?? TimeSpan.FromSeconds(20)))
            {
                return messages;
            }

            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder; the OS cleans it.
        }
    }
}
