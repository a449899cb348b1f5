using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Cocona;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Service;

namespace Vibe.Host.Cli;

[ReportErrors]
internal sealed class ServiceCommands
{
    private readonly VibeLocations _locations;
    private readonly CommandSession _session;

    public ServiceCommands(VibeLocations locations, CommandSession session)
    {
        _locations = locations;
        _session = session;
    }

    // Handled before Cocona starts (VibeCli): listed here for --help.
    [Command("start-service", Description = "Run the service in the foreground: schedules, the run queue, retries and mail (Ctrl+C stops it gracefully)")]
    public int StartService() => ExitCodes.Success;

    [Command("stop-service", Description = "Ask the running service to stop gracefully and wait until it has")]
    public async Task<int> StopService([Option("timeout", Description = "Seconds to wait for it to stop")][Range(1, 86_400, ErrorMessage = "--timeout must be between 1 and 86400 seconds")] int timeout = 120)
    {
        if (PidFile.ReadLive(_locations.PidFile) is not { } running)
        {
            Console.Out.WriteLine($"no vibe service is running for {_locations.DataDirectory}");
            return ExitCodes.Success;
        }

        await File.WriteAllTextAsync(StopRequestWatcher.StopFile(_locations), $"stop requested by pid {Environment.ProcessId}\n", _session.Cancellation);
        Console.Out.WriteLine($"asked the vibe service (pid {running.Pid}) to stop; waiting for its current run to finish...");
        var waited = Stopwatch.StartNew();
        while (PidFile.ReadLive(_locations.PidFile) is not null)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(timeout))
            {
                Console.Error.WriteLine($"vibe: the service (pid {running.Pid}) has not stopped after {timeout} s; it is still finishing or stuck");
                return ExitCodes.Conflict;
            }

            await Task.Delay(200, _session.Cancellation);
        }

        Console.Out.WriteLine("the vibe service has stopped");
        return ExitCodes.Success;
    }

    [Command("restart-service", Description = "Stop the running service gracefully and start a new one in the background (restart.sh / restart.ps1)")]
    public async Task<int> RestartService()
    {
        var windows = OperatingSystem.IsWindows();
        var script = Path.Combine(AppContext.BaseDirectory, windows ? "restart.ps1" : "restart.sh");
        if (!File.Exists(script))
        {
            Console.Error.WriteLine($"vibe: the restart script {script} is missing from the installation");
            return ExitCodes.Invalid;
        }

        var service = PidFile.ReadService(_locations.PidFile);
        if (service is null && PidFile.ReadLive(_locations.PidFile) is { } claimed)
        {
            Console.Error.WriteLine($"vibe: {_locations.PidFile} names pid {claimed.Pid}, which cannot be proven to be this data folder's vibe service; nothing was stopped or started");
            return ExitCodes.Conflict;
        }

        var start = windows
            ? new ProcessStartInfo("powershell.exe") { ArgumentList = { "-NoProfile", "-ExecutionPolicy", "Bypass", "-File", script } }
            : new ProcessStartInfo("/bin/sh") { ArgumentList = { script } };
        start.UseShellExecute = false;
        var (program, arguments) = SelfCommand();
        // The script stops only the pid proven here to be this data folder's service (empty: none runs), never
        // whatever the pid file says: a stale file and a reused pid must not make it signal a stranger.
        start.Environment["VIBE_SERVICE_PID"] = service?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        start.Environment["VIBE_PID_FILE"] = _locations.PidFile;
        start.Environment["VIBE_STOP_FILE"] = StopRequestWatcher.StopFile(_locations);
        start.Environment["VIBE_SERVICE_LOG"] = _locations.ServiceLogFile;
        start.Environment["VIBE_START_PROGRAM"] = program;
        start.Environment["VIBE_START_ARGS"] = string.Join('\n', arguments.Concat(["--config-dir", _locations.ConfigDirectory, "start-service"]));
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync(_session.Cancellation);
        return process.ExitCode == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>How to start this same vibe again: the apphost, or `dotnet vibe.dll`.</summary>
    private static (string Program, string[] Arguments) SelfCommand()
    {
        var processPath = Environment.ProcessPath!;
        var dll = Path.Combine(AppContext.BaseDirectory, "vibe.dll");
        return Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? (processPath, [dll])
            : (processPath, []);
    }
}
