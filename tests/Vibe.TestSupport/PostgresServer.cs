using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Vibe.TestSupport;

/// <summary>
/// A PostgreSQL server of a test's own (initdb + pg_ctl in a temporary folder, on a free loopback port), so that the
/// test can stop it and start it again, as an outage does, without touching the cluster other tests share.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _bin;

    private PostgresServer(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=vibe;Database=vibe;Timeout=5;Command Timeout=30";

    private string Data => Path.Combine(_folder, "data");

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin"))
            .Where(Directory.Exists).OrderBy(path => Version.Parse(Path.GetFileName(Path.GetDirectoryName(path)!) + ".0")).LastOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed (scripts/test.sh installs it)");
        var folder = Directory.CreateTempSubdirectory("vibe-pg-").FullName;
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the outage tests start PostgreSQL with initdb and pg_ctl on Linux");
        }

        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        if (IsRoot)
        {
            await RunAsync("chown", "postgres", folder);
        }

        var server = new PostgresServer(folder, bin, FreePort());
        await server.AsPostgresAsync($"'{bin}/initdb' -D '{server.Data}' -U vibe --auth=trust -E UTF8 >/dev/null");
        await server.StartAgainAsync();
        await server.AsPostgresAsync($"'{bin}/createdb' -h 127.0.0.1 -p {server.Port} -U vibe vibe");
        return server;
    }

    /// <summary>Stops the server at once (connections are cut, as in a crash or a network loss).</summary>
    public Task StopAsync() => AsPostgresAsync($"'{_bin}/pg_ctl' -D '{Data}' -m immediate -w stop >/dev/null");

    public Task StartAgainAsync() =>
        AsPostgresAsync($"'{_bin}/pg_ctl' -D '{Data}' -l '{_folder}/log' -w -o \"-h 127.0.0.1 -p {Port} -k '{_folder}' -c fsync=off\" start >/dev/null");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task AsPostgresAsync(string command) => IsRoot ? RunAsync("su", "postgres", "-s", "/bin/sh", "-c", command) : RunAsync("sh", "-c", command);

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
