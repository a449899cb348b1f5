using System.Runtime.InteropServices;

namespace Vibe.Infrastructure.Security;

/// <summary>
/// The data folder holds the run store and every run's evidence (screenshots, traces, pages): on a shared machine
/// no other local account may read it. vibe therefore creates everything with umask 077 (folders 0700, files 0600),
/// warns when the data folder or .env can be reached by others, and refuses a data folder others can write to
/// (they could fake a running service or replace evidence). Windows is left to the folder's ACL.
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private const UnixFileMode WritableByOthers = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    // umask 077: no permission for the group or others.
    private const uint PrivateMask = 0x3F;

    private static readonly Lock UmaskGate = new();
    private static uint? _original;

    /// <summary>
    /// Makes every file and folder this process creates private to its owner (umask 077). Called once, first thing;
    /// the operator's own umask is kept for the programs robots start (see <see cref="WithOperatorUmask{T}"/>).
    /// </summary>
    public static void RestrictNewFiles()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        lock (UmaskGate)
        {
            var previous = Umask(PrivateMask) & 0x1FF;
            _original ??= previous;
        }
    }

    /// <summary>
    /// Starts a robot's program (or anything that is not vibe's own) with the umask the operator gave vibe, so files
    /// it writes for others keep the modes they always had. The umask is process-wide: the swap is held under a lock
    /// and lasts only for the fork; vibe's own files are in 0700 folders either way.
    /// </summary>
    public static T WithOperatorUmask<T>(Func<T> start)
    {
        if (OperatingSystem.IsWindows() || _original is not { } original || original == PrivateMask)
        {
            return start();
        }

        lock (UmaskGate)
        {
            Umask(original);
            try
            {
                return start();
            }
            finally
            {
                Umask(PrivateMask);
            }
        }
    }

    /// <summary>
    /// On Windows, umask has no equivalent: a missing data folder is created with an ACL of its own (not inherited)
    /// that grants full control to the account vibe runs as, SYSTEM and the Administrators group only. Files made in it
    /// inherit that ACL. An existing folder is left as it is.
    /// </summary>
    public static void CreateDataFolder(string dataDirectory)
    {
        if (!OperatingSystem.IsWindows() || Directory.Exists(dataDirectory))
        {
            return;
        }

        var security = new System.Security.AccessControl.DirectorySecurity();
        security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
        var inherit = System.Security.AccessControl.InheritanceFlags.ContainerInherit | System.Security.AccessControl.InheritanceFlags.ObjectInherit;
        using var self = System.Security.Principal.WindowsIdentity.GetCurrent();
        foreach (var who in new System.Security.Principal.IdentityReference[]
                 {
                     self.User!,
                     new System.Security.Principal.SecurityIdentifier(System.Security.Principal.WellKnownSidType.LocalSystemSid, null),
                     new System.Security.Principal.SecurityIdentifier(System.Security.Principal.WellKnownSidType.BuiltinAdministratorsSid, null),
                 })
        {
            security.AddAccessRule(new System.Security.AccessControl.FileSystemAccessRule(
                who, System.Security.AccessControl.FileSystemRights.FullControl, inherit,
                System.Security.AccessControl.PropagationFlags.None, System.Security.AccessControl.AccessControlType.Allow));
        }

        var parent = Path.GetDirectoryName(Path.GetFullPath(dataDirectory));
        if (parent is not null)
        {
            Directory.CreateDirectory(parent);
        }

        new DirectoryInfo(dataDirectory).Create(security);
    }

    /// <summary>An error when others can write to the data folder; null when it is fine, missing or on Windows.</summary>
    public static string? DataFolderError(string dataDirectory)
    {
        if (Mode(dataDirectory) is not { } mode || (mode & WritableByOthers) == 0)
        {
            return null;
        }

        return $"the data folder {dataDirectory} is writable by {Who(mode & WritableByOthers)} (mode {Octal(mode)}): "
            + $"another account could fake a running service or change evidence; run chmod 700 {dataDirectory}";
    }

    /// <summary>A warning when others can enter or list the data folder; null when it is private, missing or on Windows.</summary>
    public static string? DataFolderWarning(string dataDirectory)
    {
        if (Mode(dataDirectory) is not { } mode || (mode & GroupOrOther) == 0 || (mode & WritableByOthers) != 0)
        {
            return null;
        }

        return $"the data folder {dataDirectory} is reachable by {Who(mode & GroupOrOther)} (mode {Octal(mode)}) but holds the run store and evidence: run chmod 700 {dataDirectory}";
    }

    private static UnixFileMode? Mode(string path) =>
        OperatingSystem.IsWindows() || !Directory.Exists(path) ? null : File.GetUnixFileMode(path);

    internal static string Who(UnixFileMode mode)
    {
        var who = new List<string>();
        if ((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute)) != 0)
        {
            who.Add("its group");
        }

        if ((mode & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) != 0)
        {
            who.Add("all other users");
        }

        return string.Join(" and ", who);
    }

    internal static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');

    // mode_t is 32 bits on Linux and 16 on macOS; the value fits either way and the result is masked.
    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint Umask(uint mask);
}
