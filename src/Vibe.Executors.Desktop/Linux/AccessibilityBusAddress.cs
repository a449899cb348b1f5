using System.Diagnostics;

namespace Vibe.Executors.Desktop.Linux;

/// <summary>
/// The address of the session's accessibility bus, as its launcher (org.a11y.Bus on the session bus vibe uses)
/// gives it. Asked with dbus-send, which ships with the D-Bus daemon wherever a session bus runs; vibe has no D-Bus
/// library of its own.
/// </summary>
internal static class AccessibilityBusAddress
{
    /// <summary>The address, or null when there is no session bus, no launcher on it, or no dbus-send.</summary>
    public static string? Query()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS")))
        {
            // Without an address dbus-send would try to autolaunch a bus of its own.
            return null;
        }

        var start = new ProcessStartInfo("dbus-send")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--session", "--print-reply=literal", "--reply-timeout=2000", "--dest=org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus.GetAddress" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            var output = process.StandardOutput.ReadToEnd().Trim();
            if (!process.WaitForExit(5000))
            {
                process.Kill();
                return null;
            }

            return process.ExitCode == 0 && output.StartsWith("unix:", StringComparison.Ordinal) ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
