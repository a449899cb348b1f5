namespace Vibe.Executors.Desktop.Driver;

/// <summary>
/// Which top-level window: <c>window[title*="Notepad"][process="notepad"]</c>. Every given condition must hold;
/// <see cref="Index"/> picks among several matches (0 = first, in the backend's stacking order).
/// </summary>
public sealed record WindowSelector
{
    public TextMatch? Title { get; init; }

    /// <summary>Executable name; ".exe" is ignored on both sides so one robot reads the same everywhere.</summary>
    public TextMatch? Process { get; init; }

    public int? ProcessId { get; init; }

    public TextMatch? ClassName { get; init; }

    public int Index { get; init; }

    /// <summary>True when the selector says [index=n]: the robot picks by position, so several matches are not ambiguous.</summary>
    public bool IndexGiven { get; init; }

    /// <summary>True when no condition is given: any window (the selector "window").</summary>
    public bool IsAny => Title is null && Process is null && ProcessId is null && ClassName is null;

    public bool Matches(DesktopWindow window) =>
        (Title is null || Title.IsMatch(window.Title))
        && (Process is null || Process.IsMatch(StripExe(window.ProcessName)) || Process.IsMatch(window.ProcessName))
        && (ProcessId is null || ProcessId == window.ProcessId)
        && (ClassName is null || ClassName.IsMatch(window.ClassName));

    public override string ToString()
    {
        var parts = new List<string>();
        if (Title is not null)
        {
            parts.Add($"[title{Title}]");
        }

        if (Process is not null)
        {
            parts.Add($"[process{Process}]");
        }

        if (ProcessId is not null)
        {
            parts.Add($"[pid={ProcessId}]");
        }

        if (ClassName is not null)
        {
            parts.Add($"[class{ClassName}]");
        }

        if (Index != 0)
        {
            parts.Add($"[index={Index}]");
        }

        return "window" + string.Concat(parts);
    }

    private static string StripExe(string name) =>
        name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
}
