namespace Vibe.Executors.Desktop.Driver;

/// <summary>
/// Which API an element step is searched and driven through. The backend's accessibility API (UI Automation,
/// AT-SPI) by default; <see cref="Win32"/> (selector prefix <c>win32:</c>, Windows only) reads child windows
/// with EnumChildWindows and drives them with window messages, for classic dialogs where UI Automation is
/// missing or poor (AutoIt's Control functions work the same way).
/// </summary>
public enum ElementFramework
{
    Default = 0,
    Win32,
}
