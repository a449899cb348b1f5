using System.Diagnostics;
using System.Globalization;
using Vibe.Executors.Desktop.Windows.Processes;

namespace Vibe.Executors.Desktop.Executor;

/// <summary>
/// What the session needs to know about processes to pick the right window: whether a window's process is one
/// this run launched or a descendant of one (a wrapper script's real program), and when a process started.
/// Parentage is read from /proc on Linux and from a Toolhelp snapshot on Windows (<see cref="ProcessSnapshot"/>).
/// </summary>
internal static class ProcessFamily
{
    private const int MaxDepth = 16;

    /// <summary>True when <paramref name="pid"/> is one of <paramref name="ancestors"/> or descends from one.</summary>
    public static bool DescendsFrom(int pid, IReadOnlyCollection<int> ancestors)
    {
        if (ancestors.Contains(pid))
        {
            return true;
        }

        // One snapshot for the whole walk on Windows; /proc is read a process at a time.
        Func<int, int> parentOf = ParentOf;
        if (OperatingSystem.IsWindows())
        {
            var parents = ProcessSnapshot.Parents();
            parentOf = child => parents.GetValueOrDefault(child);
        }

        // A Windows parent id can outlive its process and be reused, so the walk is bounded, not trusted to end.
        for (var depth = 0; pid > 1 && depth < MaxDepth; depth++)
        {
            pid = parentOf(pid);
            if (ancestors.Contains(pid))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The parent process id, or 0 when unknown.</summary>
    public static int ParentOf(int pid)
    {
        if (OperatingSystem.IsWindows())
        {
            return ProcessSnapshot.Parents().GetValueOrDefault(pid);
        }

        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        try
        {
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent) ? parent : 0;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>True while the process runs (a zombie waiting to be reaped has ended).</summary>
    public static bool IsAlive(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var state = stat[(stat.LastIndexOf(')') + 2)..];
                return state.Length > 0 && state[0] is not ('Z' or 'X');
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return true;
            }
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>The program's name for a log line, or "?" when it is gone.</summary>
    public static string NameOf(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.ProcessName;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }

    /// <summary>When the process started, or null when it is gone or not ours to read.</summary>
    public static DateTime? StartedAt(int pid)
    {
        if (pid <= 0)
        {
            return null;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.StartTime;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Every living process that descends from <paramref name="pid"/>, nearest first.</summary>
    public static IReadOnlyList<int> DescendantsOf(int pid)
    {
        var parents = Parents();
        var family = new List<int>();
        var frontier = new Queue<int>([pid]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var (child, itsParent) in parents)
            {
                if (itsParent == parent && child != pid && !family.Contains(child))
                {
                    family.Add(child);
                    frontier.Enqueue(child);
                }
            }
        }

        return family;
    }

    /// <summary>
    /// The launched process and what it started, for an error when none of them shows a window:
    /// "cmd (pid 32, ended) and its child processes notepad (pid 40)".
    /// </summary>
    public static string Describe(int pid)
    {
        var root = IsAlive(pid) ? $"{NameOf(pid)} (pid {pid})" : $"pid {pid} (ended)";
        var children = DescendantsOf(pid);
        return children.Count == 0
            ? $"{root}, which has no child processes,"
            : $"{root} and its child processes {string.Join(", ", children.Take(12).Select(child => $"{NameOf(child)} (pid {child})"))}";
    }

    /// <summary>Process id → parent id for every living process: /proc on Linux, a Toolhelp snapshot on Windows.</summary>
    private static Dictionary<int, int> Parents()
    {
        if (OperatingSystem.IsWindows())
        {
            return ProcessSnapshot.Parents();
        }

        var parents = new Dictionary<int, int>();
        if (!OperatingSystem.IsLinux())
        {
            return parents;
        }

        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var child))
            {
                parents[child] = ParentOf(child);
            }
        }

        return parents;
    }
}
