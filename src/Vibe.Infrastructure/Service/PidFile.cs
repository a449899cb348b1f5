using System.Globalization;

namespace Vibe.Infrastructure.Service;

/// <summary>
/// The service's pid file and its lock file. The lock file (vibe.pid.lock) is held open with an exclusive lock for
/// the life of the process, so a second service on the same data folder is refused while the first lives, and a
/// stale pid file left by a killed process is recognised as stale (the OS released the lock). The pid file itself
/// stays readable by scripts: "pid\nstarted-at-utc\n".
/// </summary>
public sealed class PidFile : IDisposable
{
    private readonly FileStream _lock;

    private PidFile(string path, FileStream lockStream)
    {
        Path = path;
        _lock = lockStream;
    }

    public string Path { get; }

    /// <summary>Takes the lock and writes this process's id, or returns null when another live process holds it.</summary>
    public static PidFile? TryAcquire(string path, DateTime startedAt)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        FileStream lockStream;
        try
        {
            lockStream = new FileStream(LockPath(path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }

        File.WriteAllText(path, $"{Environment.ProcessId}\n{startedAt.ToString("o", CultureInfo.InvariantCulture)}\n");
        return new PidFile(path, lockStream);
    }

    /// <summary>The pid and start time written in the file, if it exists and a live process holds its lock.</summary>
    public static (int Pid, DateTime StartedAt)? ReadLive(string path)
    {
        if (!File.Exists(path) || !IsLocked(path))
        {
            return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (lines.Length >= 2 && int.TryParse(lines[0], CultureInfo.InvariantCulture, out var pid)
                && DateTime.TryParse(lines[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var started))
            {
                return (pid, started);
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    /// <summary>
    /// The pid of the service running for this data folder, only when it is proven to be vibe's service: the lock is
    /// held, the pid is above 1, and (where the system shows it) that process holds the lock file open and was started
    /// with `start-service`. A stale pid file naming a reused pid, or a pid written by someone else, gives null: restart
    /// and stop must never signal a stranger.
    /// </summary>
    public static int? ReadService(string path)
    {
        if (ReadLive(path) is not { } live || live.Pid <= 1)
        {
            return null;
        }

        return IsVibeService(live.Pid, LockPath(path)) ? live.Pid : null;
    }

    private static bool IsVibeService(int pid, string lockPath)
    {
        if (OperatingSystem.IsLinux())
        {
            var commandLine = ReadCommandLine(pid);
            return commandLine is not null
                && commandLine.Contains("start-service", StringComparer.Ordinal)
                && HoldsOpen(pid, System.IO.Path.GetFullPath(lockPath));
        }

        // Elsewhere the command line of another process is not at hand: the process must at least be a vibe or dotnet one.
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited && process.ProcessName is "vibe" or "dotnet" or "vibe.exe" or "dotnet.exe";
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string[]? ReadCommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool HoldsOpen(int pid, string file)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd")
                .Any(fd => string.Equals(new FileInfo(fd).LinkTarget, file, StringComparison.Ordinal));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsLocked(string path)
    {
        try
        {
            // An exclusive open fails while the holder lives; the OS drops the lock when the holder dies.
            using var probe = new FileStream(LockPath(path), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static string LockPath(string path) => path + ".lock";

    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
        }

        _lock.Dispose();
        try
        {
            File.Delete(LockPath(Path));
        }
        catch (IOException)
        {
        }
    }
}
