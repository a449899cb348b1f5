using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Vibe.Executors.Desktop.Tests;

/// <summary>
/// A private X desktop for the tests: Xvfb on a display number it picks itself (-displayfd), a session D-Bus, and
/// the AT-SPI bus launcher (which starts the registry on demand). The test process's own environment points at
/// them, because libatspi reads DISPLAY and DBUS_SESSION_BUS_ADDRESS from the native environment once.
/// </summary>
public sealed partial class DesktopFixture : IAsyncLifetime
{
    private readonly List<Process> _processes = [];
    private int _dbusPid;
    private string _runtimeFolder = "";

    public string Display { get; private set; } = "";

    public string BusAddress { get; private set; } = "";

    public string Python { get; } = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public async Task InitializeAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // at-spi-bus-launcher names its socket after the display number in the runtime folder; a folder of our
        // own keeps it apart from any other desktop on this machine.
        _runtimeFolder = Directory.CreateTempSubdirectory("vibe-desktop-runtime-").FullName;
        File.SetUnixFileMode(_runtimeFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        SetEnvironment("XDG_RUNTIME_DIR", _runtimeFolder);

        var xvfb = Start("Xvfb", ["-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-s", "0"], redirectOutput: true);
        var number = await ReadLineAsync(xvfb, "Xvfb did not report a display number");
        Display = ":" + number.Trim();

        var dbus = new ProcessStartInfo("dbus-daemon", ["--session", "--fork", "--print-address=1", "--print-pid=1"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using (var launcher = Process.Start(dbus)!)
        {
            BusAddress = (await ReadLineAsync(launcher, "dbus-daemon did not print its address")).Trim();
            _dbusPid = int.Parse((await ReadLineAsync(launcher, "dbus-daemon did not print its pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            await launcher.WaitForExitAsync();
        }

        SetEnvironment("DISPLAY", Display);
        SetEnvironment("DBUS_SESSION_BUS_ADDRESS", BusAddress);
        SetEnvironment("NO_AT_BRIDGE", null);
        SetEnvironment("AT_SPI_BUS_ADDRESS", null);

        Start("/usr/libexec/at-spi-bus-launcher", ["--launch-immediately"], redirectOutput: true);
        await WaitForAccessibilityBusAsync();
    }

    public Task DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            Stop(process);
        }

        if (_dbusPid > 0)
        {
            try
            {
                using var dbus = Process.GetProcessById(_dbusPid);
                dbus.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
            }
        }

        try
        {
            Directory.Delete(_runtimeFolder, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }

    /// <summary>Starts a program on the test display; it is stopped with the fixture if the test forgets.</summary>
    public Process Start(string program, IEnumerable<string> arguments, bool redirectOutput = true)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = redirectOutput,
            RedirectStandardError = redirectOutput,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (Display.Length > 0)
        {
            start.Environment["DISPLAY"] = Display;
            start.Environment["DBUS_SESSION_BUS_ADDRESS"] = BusAddress;
        }

        if (_runtimeFolder.Length > 0)
        {
            start.Environment["XDG_RUNTIME_DIR"] = _runtimeFolder;
        }

        start.Environment.Remove("NO_AT_BRIDGE");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        if (redirectOutput)
        {
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
        }

        lock (_processes)
        {
            _processes.Add(process);
        }

        return process;
    }

    public static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                // The tree: at-spi-bus-launcher's own bus daemon would otherwise outlive it.
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    private async Task WaitForAccessibilityBusAsync()
    {
        // The launcher owns org.a11y.Bus on the session bus once it runs; asking for the address is what
        // libatspi does too (the AT_SPI_BUS root-window property is not always set).
        var last = "";
        for (var i = 0; i < 100; i++)
        {
            using var probe = Process.Start(new ProcessStartInfo(
                "dbus-send", ["--session", "--print-reply", "--dest=org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus.GetAddress"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                Environment = { ["DBUS_SESSION_BUS_ADDRESS"] = BusAddress },
            })!;
            var output = await probe.StandardOutput.ReadToEndAsync();
            last = await probe.StandardError.ReadToEndAsync();
            await probe.WaitForExitAsync();
            if (output.Contains("unix:", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"the AT-SPI bus did not come up (is at-spi2-core installed?): {last}");
    }

    private static async Task<string> ReadLineAsync(Process process, string failure)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        return string.IsNullOrWhiteSpace(line) ? throw new InvalidOperationException(failure) : line;
    }

    private static void SetEnvironment(string name, string? value)
    {
        Environment.SetEnvironmentVariable(name, value);

        // .NET keeps its own copy of the environment; native libraries read libc's.
        var result = value is null ? unsetenv(name) : setenv(name, value, 1);
        if (result != 0)
        {
            throw new InvalidOperationException($"setenv {name} failed");
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int unsetenv(string name);
}

[CollectionDefinition(Name)]
public sealed class DesktopCollection : ICollectionFixture<DesktopFixture>
{
    public const string Name = "X desktop";
}
