using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;
using Vibe.TestSupport;

namespace Vibe.Dashboard.Tests;

/// <summary>
/// One test's world: a configuration folder with robots, the real `vibe dashboard` (and, where runs must execute, a
/// real `vibe start-service`) on the SQLite store of that folder, and a real Chromium driven by Playwright.
/// </summary>
internal sealed class DashboardWorld : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";
    private readonly List<VibeServer> _servers = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public DashboardWorld(string robotsJson)
    {
        Files = new TempWorkspace().WriteRobots(robotsJson);
        Environment = new Dictionary<string, string>
        {
            ["VIBE_SERVICE_POLL_INTERVAL"] = "00:00:00.2",
            ["VIBE_SERVICE_SWEEP_INTERVAL"] = "00:00:01",
            ["VIBE_SERVICE_HEARTBEAT"] = "00:00:01",
            ["VIBE_WEB_BROWSER"] = Chromium,
        };
    }

    public TempWorkspace Files { get; }

    public Dictionary<string, string> Environment { get; }

    public string BaseUrl { get; private set; } = "";

    public VibeServer? Dashboard { get; private set; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public Task<CliResult> CliAsync(params string[] args) => VibeProcess.RunAsync(Files.Directory, Environment, args);

    /// <summary>A command run as another host would: the world's settings plus <paramref name="environment"/>.</summary>
    public Task<CliResult> CliAsAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        VibeProcess.RunAsync(Files.Directory, With(environment), args);

    /// <summary>The world's settings with <paramref name="settings"/> over them (another host's data folder and name).</summary>
    public Dictionary<string, string> With(IReadOnlyDictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>(Environment);
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>Runs a command with <paramref name="input"/> on its standard input (a password).</summary>
    public async Task<CliResult> CliWithInputAsync(string input, params string[] args)
    {
        using var process = new Process { StartInfo = VibeProcess.StartInfo(Files.Directory, Environment, args) };
        process.Start();
        await process.StandardInput.WriteLineAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliResult(process.ExitCode, await output, await error);
    }

    public async Task<VibeServer> StartDashboardAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        Dashboard = await StartAsync("dashboard", "vibe dashboard listening on", "dashboard", "--urls", BaseUrl);
        return Dashboard;
    }

    /// <summary>`vibe dashboard` as another host serves it (its own data folder and name, the shared store).</summary>
    public async Task<VibeServer> StartDashboardAsAsync(IReadOnlyDictionary<string, string> environment)
    {
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        Dashboard = await StartAsAsync("dashboard", environment, "vibe dashboard listening on", "dashboard", "--urls", BaseUrl);
        return Dashboard;
    }

    public async Task<VibeServer> StartAsAsync(string name, IReadOnlyDictionary<string, string> environment, string readyLine, params string[] args)
    {
        var server = await VibeServer.StartAsync(name, Files.Directory, With(environment), readyLine, args);
        _servers.Add(server);
        return server;
    }

    /// <summary>For a dashboard served by another process (start-service with VIBE_DASHBOARD_URLS).</summary>
    public void UseBaseUrl(string url) => BaseUrl = url;

    public Task<VibeServer> StartServiceAsync() => StartAsync("service", "vibe service started on", "start-service");

    public async Task<VibeServer> StartAsync(string name, string readyLine, params string[] args)
    {
        var server = await VibeServer.StartAsync(name, Files.Directory, Environment, readyLine, args);
        _servers.Add(server);
        return server;
    }

    public async Task<IPage> NewPageAsync()
    {
        _playwright ??= await Playwright.CreateAsync();
        _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium });
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>What the processes printed: the explanation attached to a failed assertion.</summary>
    public string Report() => string.Join('\n', _servers.Select(server => $"--- {server.Name} ---\n{server.Output}"));

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        Files.Dispose();
    }
}
