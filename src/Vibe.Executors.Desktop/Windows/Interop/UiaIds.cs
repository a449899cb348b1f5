namespace Vibe.Executors.Desktop.Windows.Interop;

/// <summary>The UIA_*PropertyId constants vibe uses (UIAutomationClient.h, module UIA_PropertyIds).</summary>
internal static class UiaPropertyIds
{
    public const int RuntimeId = 30000;
    public const int BoundingRectangle = 30001;
    public const int ProcessId = 30002;
    public const int ControlType = 30003;
    public const int LocalizedControlType = 30004;
    public const int Name = 30005;
    public const int HasKeyboardFocus = 30008;
    public const int IsKeyboardFocusable = 30009;
    public const int IsEnabled = 30010;
    public const int AutomationId = 30011;
    public const int ClassName = 30012;
    public const int HelpText = 30013;
    public const int IsControlElement = 30016;
    public const int IsContentElement = 30017;
    public const int NativeWindowHandle = 30020;
    public const int IsOffscreen = 30022;
    public const int FrameworkId = 30024;
    public const int IsSelectionItemPatternAvailable = 30036;
    public const int IsValuePatternAvailable = 30043;
    public const int ValueValue = 30045;
    public const int ValueIsReadOnly = 30046;
    public const int ExpandCollapseState = 30070;
    public const int SelectionItemIsSelected = 30079;
    public const int ToggleState = 30086;

    /// <summary>Windows 10 1809 and later; older systems answer "not supported".</summary>
    public const int IsDialog = 30174;
}

/// <summary>The UIA_*PatternId constants of the patterns vibe binds.</summary>
internal static class UiaPatternIds
{
    public const int Invoke = 10000;
    public const int Value = 10002;
    public const int ExpandCollapse = 10005;
    public const int Window = 10009;
    public const int SelectionItem = 10010;
    public const int Text = 10014;
    public const int Toggle = 10015;
}

/// <summary>UIA_*ControlTypeId: the control types a selector can name, by their programmatic names.</summary>
internal static class UiaControlTypes
{
    private static readonly Dictionary<string, int> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Button"] = 50000,
        ["Calendar"] = 50001,
        ["CheckBox"] = 50002,
        ["ComboBox"] = 50003,
        ["Edit"] = 50004,
        ["Hyperlink"] = 50005,
        ["Image"] = 50006,
        ["ListItem"] = 50007,
        ["List"] = 50008,
        ["Menu"] = 50009,
        ["MenuBar"] = 50010,
        ["MenuItem"] = 50011,
        ["ProgressBar"] = 50012,
        ["RadioButton"] = 50013,
        ["ScrollBar"] = 50014,
        ["Slider"] = 50015,
        ["Spinner"] = 50016,
        ["StatusBar"] = 50017,
        ["Tab"] = 50018,
        ["TabItem"] = 50019,
        ["Text"] = 50020,
        ["ToolBar"] = 50021,
        ["ToolTip"] = 50022,
        ["Tree"] = 50023,
        ["TreeItem"] = 50024,
        ["Custom"] = 50025,
        ["Group"] = 50026,
        ["Thumb"] = 50027,
        ["DataGrid"] = 50028,
        ["DataItem"] = 50029,
        ["Document"] = 50030,
        ["SplitButton"] = 50031,
        ["Window"] = 50032,
        ["Pane"] = 50033,
        ["Header"] = 50034,
        ["HeaderItem"] = 50035,
        ["Table"] = 50036,
        ["TitleBar"] = 50037,
        ["Separator"] = 50038,
        ["SemanticZoom"] = 50039,
        ["AppBar"] = 50040,
    };

    private static readonly Dictionary<int, string> ById = ByName.ToDictionary(pair => pair.Value, pair => pair.Key);

    public const int Edit = 50004;
    public const int Window = 50032;
    public const int Document = 50030;

    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>The id of a control type named as UIA names it ("Button", "Edit"); "ControlType.Button" is accepted too.</summary>
    public static bool TryGetId(string name, out int id)
    {
        var trimmed = name.Trim();
        if (trimmed.StartsWith("ControlType.", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed["ControlType.".Length..];
        }

        return ByName.TryGetValue(trimmed, out id);
    }

    public static string NameOf(int id) => ById.TryGetValue(id, out var name) ? name : id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
