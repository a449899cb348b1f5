namespace Vibe.Executors.Desktop.Driver;

/// <summary>
/// Which API an element step is searched and driven through. The backend's accessibility API (UI Automation,
/// AT-SPI) by default; <see cref="Win32"/> (selector prefix <c>win32:</c>, Windows only) reads child windows
/// with EnumChildWindows and drives them with window messages, for classic dialogs where UI Automation is
/// missing or poor (AutoIt's Control functions work the same way). <see cref="Uia"/> (prefix <c>uia:</c>, Windows
/// only) asks for UI Automation by name, so one step can leave a robot whose <c>desktop.framework</c> is win32.
/// </summary>
public enum ElementFramework
{
    Default = 0,
    Win32,
    Uia,
}

/// <summary>The words of <see cref="ElementFramework"/> in selectors (<c>win32:</c>) and in <c>desktop.framework</c>.</summary>
public static class ElementFrameworks
{
    /// <summary>The selector prefix and setting value, "" for <see cref="ElementFramework.Default"/>.</summary>
    public static string Word(this ElementFramework framework) => framework switch
    {
        ElementFramework.Win32 => "win32",
        ElementFramework.Uia => "uia",
        _ => "",
    };

    /// <summary>
    /// Why <paramref name="framework"/> cannot be used on the <paramref name="backend"/> desktop, or null when it can:
    /// win32: and uia: are Windows APIs, and on Linux a prefix silently ignored would drive something else.
    /// </summary>
    public static string? Unavailable(this ElementFramework framework, string backend) =>
        framework == ElementFramework.Default || backend == "windows"
            ? null
            : $"the {framework.Word()} framework exists only on Windows (this desktop is {backend}, where elements are found through AT-SPI)";

    /// <summary>"win32" or "uia" (any case) as a framework; null for any other word.</summary>
    public static ElementFramework? FromWord(string word) =>
        word.Equals("win32", StringComparison.OrdinalIgnoreCase) ? ElementFramework.Win32
        : word.Equals("uia", StringComparison.OrdinalIgnoreCase) ? ElementFramework.Uia
        : null;
}
