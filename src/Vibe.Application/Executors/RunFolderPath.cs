namespace Vibe.Application.Executors;

/// <summary>
/// Where a robot may write a file it names: inside the run's folder, as the final path on disk says, not only the
/// path's text. A link a step made inside the run folder (link -> /elsewhere) must not carry a write outside it.
/// </summary>
public static class RunFolderPath
{
    private const int MaxLinks = 40;

    /// <summary>The full path of <paramref name="name"/> in <paramref name="runFolder"/>, or null when it leads outside, by name or through a link.</summary>
    public static string? Resolve(string runFolder, string name)
    {
        var folder = Path.GetFullPath(runFolder);
        var path = Path.GetFullPath(name, folder);
        if (!IsInside(path, folder))
        {
            return null;
        }

        var realFolder = RealPath(folder);
        return IsInside(RealPath(path), realFolder) ? path : null;
    }

    private static bool IsInside(string path, string folder) =>
        path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every link among its existing parts followed; the parts that do not exist yet are kept as written.</summary>
    private static string RealPath(string path, int depth = 0)
    {
        var root = Path.GetPathRoot(path)!;
        var current = root;
        foreach (var part in path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (depth >= MaxLinks)
                {
                    // A loop of links: treat it as leading nowhere safe.
                    return Path.GetPathRoot(path)!;
                }

                current = RealPath(Path.GetFullPath(target, current), depth + 1);
            }
            else
            {
                current = next;
            }
        }

        return current;
    }
}
