using System.Runtime.Versioning;
using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.Processes;

/// <summary>
/// Every process with its parent's id, from a Toolhelp snapshot (CreateToolhelp32Snapshot): Windows has no /proc,
/// and this is the one call that lists parent ids without opening each process. A parent id stays on the child
/// after the parent ended (a wrapper script that started the real program and exited), so a launched .cmd's
/// program is still found as its child.
/// </summary>
[SupportedOSPlatform("windows")]
internal static unsafe class ProcessSnapshot
{
    /// <summary>Process id → parent process id; empty when the snapshot cannot be taken.</summary>
    public static Dictionary<int, int> Parents()
    {
        var parents = new Dictionary<int, int>();
        var snapshot = Kernel32.CreateToolhelp32Snapshot(Kernel32.TH32CS_SNAPPROCESS, 0);
        if (snapshot == -1 || snapshot == 0)
        {
            return parents;
        }

        try
        {
            var entry = new PROCESSENTRY32W { dwSize = (uint)sizeof(PROCESSENTRY32W) };
            for (var more = Kernel32.Process32FirstW(snapshot, &entry); more; more = Kernel32.Process32NextW(snapshot, &entry))
            {
                // Process 0 (idle) names itself its own parent; no loop may come of it.
                if (entry.th32ProcessID != 0)
                {
                    parents[(int)entry.th32ProcessID] = (int)entry.th32ParentProcessID;
                }
            }
        }
        finally
        {
            Kernel32.CloseHandle(snapshot);
        }

        return parents;
    }
}
