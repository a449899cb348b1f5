namespace Vibe.Executors.Web.Tests.Harness;

/// <summary>
/// Counts the browser processes one run started, found by a marker argument the run passes to Chromium. Other
/// programs on the machine (another test run, a desktop browser) carry no marker and are not counted.
/// </summary>
public static class ChromiumProcesses
{
    /// <summary>
    /// The run's browser processes still alive after it ended, given the moment Chromium's helper processes (renderer,
    /// GPU, zygote) take to exit after the browser itself on a busy machine. A browser left behind stays, and counts.
    /// </summary>
    public static async Task<int> CountAfterEndAsync(string marker)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var count = Count(marker);
        while (count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            count = Count(marker);
        }

        return count;
    }

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
