using System.Diagnostics;
using System.Globalization;
using Vibe.TestSupport;

namespace Vibe.Service.Tests;

/// <summary>`vibe restart-service` acts only on a pid proven to be vibe's service (issue 18, M5).</summary>
public class ForeignPidTests
{
    private const string Robots = """{ "robots": [ { "name": "noop", "executor": "shell", "steps": [ { "action": "log", "message": "hi" } ] } ] }""";

    [Fact]
    public async Task RestartService_with_a_stale_pid_file_naming_another_process_leaves_that_process_alive()
    {
        using var files = new TempWorkspace().WriteRobots(Robots);
        using var stranger = StartStranger();
        Directory.CreateDirectory(files.DataDirectory);
        await File.WriteAllTextAsync(Path.Combine(files.DataDirectory, "vibe.pid"), $"{stranger.Id}\n2026-01-01T00:00:00.0000000Z\n");

        var newPid = 0;
        try
        {
            var restart = await VibeProcess.RunAsync(files.Directory, "restart-service");
            newPid = ReadPid(files);
            Assert.True(Signals.IsAlive(stranger.Id), $"restart-service killed pid {stranger.Id}, which is no vibe service\n{restart}");
            Assert.DoesNotContain($"stopping the vibe service (pid {stranger.Id})", restart.Output, StringComparison.Ordinal);
            Assert.Contains("no vibe service was running", restart.Output, StringComparison.Ordinal);
            Assert.Equal(0, restart.ExitCode);
        }
        finally
        {
            await StopAsync(files, newPid, stranger.Id);
        }
    }

    [Fact]
    public async Task RestartService_refuses_when_the_lock_holder_is_not_a_vibe_service()
    {
        using var files = new TempWorkspace().WriteRobots(Robots);
        Directory.CreateDirectory(files.DataDirectory);
        var pidFile = Path.Combine(files.DataDirectory, "vibe.pid");

        // Another account's trick (or a leftover tool): a process that holds the lock and names itself in the pid file.
        using var stranger = StartStranger($"import fcntl,os,sys,time; f=open('{pidFile}.lock','w'); fcntl.flock(f, fcntl.LOCK_EX); open('{pidFile}','w').write(str(os.getpid())+'\\n2026-01-01T00:00:00.0000000Z\\n'); print('locked', flush=True); time.sleep(600)");
        Assert.Equal("locked", await stranger.StandardOutput.ReadLineAsync());

        var newPid = 0;
        try
        {
            var restart = await VibeProcess.RunAsync(files.Directory, "restart-service");
            newPid = ReadPid(files);
            Assert.True(Signals.IsAlive(stranger.Id), $"restart-service signalled pid {stranger.Id}, which is no vibe service\n{restart}");
            Assert.Equal(4, restart.ExitCode);
            Assert.Contains($"names pid {stranger.Id}, which cannot be proven to be this data folder's vibe service", restart.Error, StringComparison.Ordinal);
        }
        finally
        {
            await StopAsync(files, newPid, stranger.Id);
        }
    }

    private static Process StartStranger(string script = "import time; time.sleep(600)")
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { ArgumentList = { "-c", script }, RedirectStandardOutput = true, UseShellExecute = false };
        return Process.Start(start)!;
    }

    private static int ReadPid(TempWorkspace files)
    {
        var path = Path.Combine(files.DataDirectory, "vibe.pid");
        return File.Exists(path) && int.TryParse(File.ReadLines(path).FirstOrDefault(), CultureInfo.InvariantCulture, out var pid) ? pid : 0;
    }

    private static async Task StopAsync(TempWorkspace files, int newPid, int strangerPid)
    {
        if (newPid != 0 && newPid != strangerPid && Signals.IsAlive(newPid))
        {
            await Signals.SendAsync("KILL", newPid);
        }

        if (Signals.IsAlive(strangerPid))
        {
            await Signals.SendAsync("KILL", strangerPid);
        }
    }
}
