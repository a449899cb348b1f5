namespace Vibe.Executors.Desktop.Driver;

/// <summary>
/// One step of an element path: <c>button[name="OK"]</c>, <c>edit[id="txtUser"]</c>, <c>*[role="push button"][index=1]</c>.
/// Every given condition must hold; <see cref="Index"/> picks the n-th match (0-based, depth-first document order)
/// within the scope the previous step found.
/// </summary>
public sealed record ElementSelector
{
    /// <summary>Normalized control type; <see cref="ControlType.Unknown"/> matches any.</summary>
    public ControlType Type { get; init; }

    public TextMatch? Name { get; init; }

    /// <summary>UIA AutomationId on Windows, AT-SPI accessible id on Linux.</summary>
    public TextMatch? Id { get; init; }

    /// <summary>The backend's own role name: AT-SPI "push button", UIA "Button".</summary>
    public TextMatch? Role { get; init; }

    public TextMatch? ClassName { get; init; }

    public int Index { get; init; }

    /// <summary>
    /// The API the step is searched through: <c>win32:</c> before the step selects <see cref="ElementFramework.Win32"/>,
    /// <c>uia:</c> <see cref="ElementFramework.Uia"/>; without a prefix the robot's <c>desktop.framework</c> decides.
    /// </summary>
    public ElementFramework Framework { get; init; }

    public bool Matches(ElementInfo element) =>
        (Type == ControlType.Unknown || Type == element.Type)
        && (Name is null || Name.IsMatch(element.Name))
        && (Id is null || Id.IsMatch(element.Id))
        && (Role is null || Role.IsMatch(element.Role))
        && (ClassName is null || ClassName.IsMatch(element.ClassName));

    public override string ToString()
    {
        var text = (Framework == ElementFramework.Default ? "" : Framework.Word() + ":") + ControlTypes.ToSelectorWord(Type);
        if (Name is not null)
        {
            text += $"[name{Name}]";
        }

        if (Id is not null)
        {
            text += $"[id{Id}]";
        }

        if (Role is not null)
        {
            text += $"[role{Role}]";
        }

        if (ClassName is not null)
        {
            text += $"[class{ClassName}]";
        }

        if (Index != 0)
        {
            text += $"[index={Index}]";
        }

        return text;
    }
}
