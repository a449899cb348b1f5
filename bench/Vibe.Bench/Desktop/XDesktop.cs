using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Vibe.Bench.Desktop;

/// <summary>
/// A private X desktop for the desktop figure: Xvfb on a display it picks itself, a session D-Bus and the AT-SPI bus
/// launcher; this process's own environment (libc's, which libatspi reads once) points at them. Everything stops
/// on dispose.
/// </summary>
internal sealed partial class XDesktop : IAsyncDisposable
{
    private readonly List<Process> _processes = [];
    private int _dbusPid;

    private XDesktop(string runtimeFolder) => RuntimeFolder = runtimeFolder;

    public string RuntimeFolder { get; }

    public string Display { get; private set; } = "";

    public static async Task<XDesktop> StartAsync(CancellationToken ct)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the desktop figure runs on Linux (Xvfb and AT-SPI)");
        }

        foreach (var tool in new[] { "/usr/bin/Xvfb", "/usr/bin/dbus-daemon", "/usr/libexec/at-spi-bus-launcher" })
        {
            if (!File.Exists(tool))
            {
                throw new InvalidOperationException($"{tool} is not installed (scripts/apt-packages.txt lists what the desktop figure needs)");
            }
        }

        var runtime = Directory.CreateTempSubdirectory("vibe-bench-desktop-").FullName;
        File.SetUnixFileMode(runtime, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var desktop = new XDesktop(runtime);
        try
        {
            SetEnvironment("XDG_RUNTIME_DIR", runtime);
            // VIBE_BENCH_DISPLAY (":151") pins the display on a machine shared with others; else Xvfb picks a free one.
            // Either way Xvfb writes the display number once it accepts connections.
            var pinned = Environment.GetEnvironmentVariable("VIBE_BENCH_DISPLAY") is { Length: > 0 } display ? new[] { display } : [];
            var xvfb = desktop.Start("Xvfb", [.. pinned, "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset"]);
            desktop.Display = ":" + (await xvfb.StandardOutput.ReadLineAsync(ct))?.Trim();
            using (var dbus = Process.Start(new ProcessStartInfo("dbus-daemon", ["--session", "--fork", "--print-address=1", "--print-pid=1"]) { RedirectStandardOutput = true })!)
            {
                var address = (await dbus.StandardOutput.ReadLineAsync(ct))?.Trim() ?? throw new InvalidOperationException("dbus-daemon printed no address");
                desktop._dbusPid = int.Parse((await dbus.StandardOutput.ReadLineAsync(ct))!.Trim(), System.Globalization.CultureInfo.InvariantCulture);
                await dbus.WaitForExitAsync(ct);
                SetEnvironment("DBUS_SESSION_BUS_ADDRESS", address);
            }

            SetEnvironment("DISPLAY", desktop.Display);
            SetEnvironment("NO_AT_BRIDGE", null);
            SetEnvironment("AT_SPI_BUS_ADDRESS", null);
            var launcher = desktop.Start("/usr/libexec/at-spi-bus-launcher", ["--launch-immediately"]);
            launcher.StandardOutput.Close();
            await WaitForAccessibilityBusAsync(ct);
            return desktop;
        }
        catch
        {
            await desktop.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
            }

            process.Dispose();
        }

        if (_dbusPid > 0)
        {
            try
            {
                using var dbus = Process.GetProcessById(_dbusPid);
                dbus.Kill();
            }
            catch (ArgumentException)
            {
            }
        }

        try
        {
            Directory.Delete(RuntimeFolder, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private Process Start(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        _processes.Add(process);
        return process;
    }

    /// <summary>The launcher owns org.a11y.Bus once it runs; asking it for the address is the readiness check.</summary>
    private static async Task WaitForAccessibilityBusAsync(CancellationToken ct)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var probe = Process.Start(new ProcessStartInfo("dbus-send", ["--session", "--print-reply", "--dest=org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus.GetAddress"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            await probe.WaitForExitAsync(ct);
            if (probe.ExitCode == 0)
            {
                return;
            }

            await Task.Delay(100, ct);
        }

        throw new InvalidOperationException("the AT-SPI bus launcher did not answer on the session bus");
    }

    private static void SetEnvironment(string name, string? value)
    {
        Environment.SetEnvironmentVariable(name, value);

        // .NET keeps its own copy of the environment; libatspi and libdbus read libc's.
        if ((value is null ? unsetenv(name) : setenv(name, value, 1)) != 0)
        {
            throw new InvalidOperationException($"setenv {name} failed");
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int unsetenv(string name);
}
