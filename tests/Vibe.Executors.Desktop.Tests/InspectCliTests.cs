using System.Diagnostics;
using Vibe.Executors.Desktop.Tests.Support;
using Vibe.TestSupport;

namespace Vibe.Executors.Desktop.Tests;

/// <summary>The real `vibe inspect` process on the test desktop.</summary>
[Collection(DesktopCollection.Name)]
public sealed class InspectCliTests(DesktopFixture desktop)
{
    private static readonly string[] BusPrograms = ["dbus-launch", "dbus-daemon", "at-spi-bus-launcher", "at-spi2-registryd"];

    [LinuxFact]
    public async Task Vibe_inspect_without_a_session_bus_stops_the_buses_libdbus_and_libatspi_started_for_it()
    {
        // Fails on 3fc5310: libdbus autolaunched a session bus (dbus-launch, dbus-daemon) for inspect and libatspi
        // started at-spi-bus-launcher, its dbus-daemon and the registry on it; all of them outlived vibe.
        var form = desktop.Start(desktop.Python, [ElementActionTests.AppPath("gtk_form.py"), Path.Combine(Path.GetTempPath(), $"vibe-inspect-{Guid.NewGuid():N}.txt")]);
        var folder = Directory.CreateTempSubdirectory("vibe-inspect-cli-").FullName;
        try
        {
            var before = BusProcesses();

            // Other tests' runs may have published the fixture's own bus there (vibe does when it is missing): what
            // inspect must leave is the value it found, not the address of the bus it stopped.
            var publishedBefore = await RootBusAddressAsync();
            var start = VibeProcess.StartInfo(folder, new Dictionary<string, string> { ["DISPLAY"] = desktop.Display }, ["inspect", "window[title='Vibe GTK form']"]);
            start.Environment.Remove("DBUS_SESSION_BUS_ADDRESS");
            start.Environment.Remove("AT_SPI_BUS_ADDRESS");

            // The accessibility bus launcher names its socket after the display in the runtime folder: one of its
            // own keeps it off the fixture's.
            start.Environment["XDG_RUNTIME_DIR"] = Directory.CreateDirectory(Path.Combine(folder, "runtime")).FullName;
            string output = "";
            var listed = false;
            for (var attempt = 0; attempt < 20 && !listed; attempt++)
            {
                // The form's window may not be mapped yet on the first try: ask again until inspect describes it.
                // The form is on the fixture's bus, not the one libdbus starts for inspect, so inspect reads no
                // tree; what matters is that it connected to AT-SPI through the bus it started.
                using var process = Process.Start(start)!;
                output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                listed = process.ExitCode == 0 && output.Contains("AT-SPI=available", StringComparison.Ordinal)
                    && output.Contains("window \"Vibe GTK form\"", StringComparison.Ordinal);
            }

            Assert.True(listed, output);
            var left = await LeftOverAsync(before);
            Assert.True(left.Count == 0, "still running after vibe inspect ended:\n" + string.Join('\n', left) + "\n" + output);
            var publishedAfter = await RootBusAddressAsync();
            Assert.True(publishedAfter == publishedBefore, $"AT_SPI_BUS is not what vibe inspect found: before {publishedBefore}, after {publishedAfter}");
        }
        finally
        {
            form.Kill();
            form.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<string> RootBusAddressAsync()
    {
        var start = new ProcessStartInfo("xprop", ["-root", "AT_SPI_BUS"]) { RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment["DISPLAY"] = desktop.Display;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Contains(" = \"", StringComparison.Ordinal) ? output : "";
    }

    /// <summary>New bus processes that are still alive, waiting a little for the ones just signalled to go.</summary>
    private async Task<List<string>> LeftOverAsync(Dictionary<int, string> before)
    {
        var left = new List<string>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            left = BusProcesses().Where(entry => !before.ContainsKey(entry.Key)).Select(entry => $"{entry.Key} {entry.Value}").ToList();
            if (left.Count == 0)
            {
                break;
            }

            await Task.Delay(100);
        }

        return left;
    }

    /// <summary>
    /// Live D-Bus and AT-SPI daemons on this test's display (they inherit DISPLAY), by pid, but for the fixture's
    /// own (its registry may start on demand while the test runs).
    /// </summary>
    private Dictionary<int, string> BusProcesses()
    {
        var found = new Dictionary<int, string>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            try
            {
                var command = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ').Trim();
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                if (BusPrograms.Contains(Path.GetFileName(command.Split(' ')[0]))
                    && stat.Split(") ")[^1][0] is not ('Z' or 'X')
                    && File.ReadAllText(Path.Combine(folder, "environ")) is var environment
                    && environment.Contains("DISPLAY=" + desktop.Display + "\0", StringComparison.Ordinal)
                    && !environment.Contains("DBUS_SESSION_BUS_ADDRESS=" + desktop.BusAddress + "\0", StringComparison.Ordinal))
                {
                    found[pid] = command;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }
}
