namespace Vibe.Executors.Web.Tests.Harness;

/// <summary>
/// Counts the browser processes one run started, found by a marker argument the run passes to Chromium. Other
/// programs on the machine (another test run, a desktop browser) carry no marker and are not counted.
/// </summary>
public static class ChromiumProcesses
{
    public static int Count(string marker)
    {
        var count = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out _))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(folder, "cmdline"));
                if (commandLine.Contains(marker, StringComparison.Ordinal))
                {
                    count++;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }

        return count;
    }
}
