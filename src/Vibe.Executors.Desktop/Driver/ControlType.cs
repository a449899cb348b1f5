namespace Vibe.Executors.Desktop.Driver;

/// <summary>
/// The control types a selector can name, one vocabulary for both backends. Windows maps UIA ControlType ids
/// onto these, Linux maps AT-SPI roles; anything else is <see cref="Custom"/> (match it by "role" instead).
/// </summary>
public enum ControlType
{
    Unknown = 0,
    Window,
    Dialog,
    Pane,
    Group,
    Button,
    SplitButton,
    CheckBox,
    RadioButton,
    Edit,
    Text,
    Document,
    ComboBox,
    List,
    ListItem,
    Menu,
    MenuBar,
    MenuItem,
    Tab,
    TabItem,
    Tree,
    TreeItem,
    Table,
    Row,
    Cell,
    Header,
    HeaderItem,
    ToolBar,
    StatusBar,
    ScrollBar,
    Slider,
    Spinner,
    ProgressBar,
    Hyperlink,
    Image,
    TitleBar,
    Separator,
    ToolTip,
    Calendar,
    Custom,
}

/// <summary>The lower-case words selectors use for <see cref="ControlType"/> ("button", "edit", "listitem").</summary>
public static class ControlTypes
{
    private static readonly Dictionary<string, ControlType> ByWord = BuildWords();

    /// <summary>Every word a selector accepts, for error messages and docs.</summary>
    public static IReadOnlyCollection<string> Words { get; } =
        Enum.GetValues<ControlType>().Where(type => type != ControlType.Unknown).Select(ToSelectorWord).ToList();

    public static string ToSelectorWord(ControlType type) => type == ControlType.Unknown ? "*" : type.ToString().ToLowerInvariant();

    /// <summary>Parses a selector word; a few aliases are accepted ("textbox" and "entry" for edit, "label" for text).</summary>
    public static bool TryParse(string word, out ControlType type) => ByWord.TryGetValue(word, out type);

    private static Dictionary<string, ControlType> BuildWords()
    {
        var words = Enum.GetValues<ControlType>()
            .Where(type => type != ControlType.Unknown)
            .ToDictionary(type => type.ToString(), type => type, StringComparer.OrdinalIgnoreCase);
        words["textbox"] = ControlType.Edit;
        words["entry"] = ControlType.Edit;
        words["label"] = ControlType.Text;
        words["checkbutton"] = ControlType.CheckBox;
        words["link"] = ControlType.Hyperlink;
        words["combo"] = ControlType.ComboBox;
        words["grid"] = ControlType.Table;
        return words;
    }
}
