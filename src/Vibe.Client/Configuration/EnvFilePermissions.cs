namespace Vibe.Infrastructure.Configuration;

/// <summary>
/// .env holds passwords: on Linux and macOS it should be readable by its owner only. The service warns at start-up
/// and `vibe validate` prints the same warning; neither refuses to run, since the owner may have reasons.
/// </summary>
public static class EnvFilePermissions
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    /// <summary>The warning to show for <paramref name="path"/>, or null when it is private, missing, or on Windows.</summary>
    public static string? Check(string? path)
    {
        if (path is null || OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return null;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOther) == 0)
        {
            return null;
        }

        var who = new List<string>();
        if ((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite)) != 0)
        {
            who.Add("its group");
        }

        if ((mode & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
        {
            who.Add("all other users");
        }

        var access = (mode & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0 ? "readable" : "writable";
        return $"{path} is {access} by {string.Join(" and ", who)} (mode {Octal(mode)}) but holds secrets: run chmod 600 {path}";
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');
}
