using System.Text.Json;
using Vibe.Application.Executors;
using Vibe.Domain.Robots;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Executor.Actions;

namespace Vibe.Executors.Desktop.Executor;

/// <summary>
/// The robot's "desktop" block: <c>{ "display": ":0", "timeout": "10s", "typingDelay": "20ms", "accessibility": true }</c>.
/// </summary>
internal sealed record DesktopOptions
{
    /// <summary>
    /// "framework": the element framework of every element step without a prefix of its own. Declared here once:
    /// validate, the schema and the docs table read it through <see cref="DesktopActions.Settings"/>.
    /// </summary>
    public static readonly ParameterDescriptor FrameworkSetting = ParameterDescriptor.Choice(
        "framework",
        "element framework for steps without a win32:/uia: prefix (Windows only): uia (UI Automation) or win32 (child windows and window messages, for classic dialogs and Wine)",
        ElementFramework.Uia.Word(),
        ElementFramework.Win32.Word()).DefaultsTo(ElementFramework.Uia.Word());

    /// <summary>X display (Linux); null for $DISPLAY.</summary>
    public string? Display { get; init; }

    /// <summary>How long element, window and image steps wait unless a step says otherwise.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Pause between typed keys, for applications that drop fast input.</summary>
    public TimeSpan TypingDelay { get; init; } = TimeSpan.Zero;

    public bool Accessibility { get; init; } = true;

    /// <summary>Close the programs the run launched when it ends (politely, then killed after a grace).</summary>
    public bool CloseLaunched { get; init; } = true;

    /// <summary>The framework of element steps without a prefix; <see cref="ElementFramework.Default"/> is the backend's accessibility API.</summary>
    public ElementFramework Framework { get; init; }

    public static DesktopOptions From(RobotDefinition robot)
    {
        var options = new DesktopOptions();
        if (robot.ExecutorOptions is not { ValueKind: JsonValueKind.Object } block)
        {
            return options;
        }

        foreach (var property in block.EnumerateObject())
        {
            options = property.Name switch
            {
                "display" => options with { Display = Text(robot, property) },
                "timeout" => options with { Timeout = Time(robot, property) },
                "typingDelay" => options with { TypingDelay = Time(robot, property) },
                "accessibility" => options with { Accessibility = Flag(robot, property) },
                "closeLaunched" => options with { CloseLaunched = Flag(robot, property) },
                "framework" => options with { Framework = FrameworkOf(robot, property) },
                _ => throw Bad(robot, property, null),
            };
        }

        return options;
    }

    private static bool Flag(RobotDefinition robot, JsonProperty property) =>
        property.Value.ValueKind == JsonValueKind.True || (property.Value.ValueKind == JsonValueKind.False ? false : throw Bad(robot, property, "true or false"));

    // uia is the default: element steps then use the backend's own API (UI Automation, or AT-SPI on Linux).
    private static ElementFramework FrameworkOf(RobotDefinition robot, JsonProperty property) =>
        property.Value.ValueKind == JsonValueKind.String && ElementFrameworks.FromWord(property.Value.GetString()!) is { } framework
            ? framework == ElementFramework.Uia ? ElementFramework.Default : framework
            : throw Bad(robot, property, "one of " + string.Join(", ", FrameworkSetting.Values));

    /// <summary>
    /// The selector with the robot's framework on every step that names none: "framework": "win32" makes
    /// <c>edit</c> mean <c>win32:edit</c>, while a step's own <c>uia:</c> or <c>win32:</c> still wins.
    /// </summary>
    public DesktopSelector WithFramework(DesktopSelector selector) =>
        Framework == ElementFramework.Default || selector.Path.All(part => part.Framework != ElementFramework.Default)
            ? selector
            : selector with { Path = selector.Path.Select(part => part.Framework == ElementFramework.Default ? part with { Framework = Framework } : part).ToList() };

    private static string Text(RobotDefinition robot, JsonProperty property) =>
        property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : throw Bad(robot, property, "a string");

    // As every duration vibe reads (ParameterRules): a bare number is seconds.
    private static TimeSpan Time(RobotDefinition robot, JsonProperty property) => property.Value switch
    {
        { ValueKind: JsonValueKind.Number } number when number.TryGetDouble(out var seconds) && seconds >= 0 => TimeSpan.FromSeconds(seconds),
        { ValueKind: JsonValueKind.String } text when double.TryParse(text.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 => TimeSpan.FromSeconds(seconds),
        { ValueKind: JsonValueKind.String } text when Duration.TryParse(text.GetString(), out var value) => value,
        _ => throw Bad(robot, property, "a duration such as \"10s\""),
    };

    private static StepFailedException Bad(RobotDefinition robot, JsonProperty property, string? expected) =>
        new(expected is null
            ? $"robot '{robot.Name}': unknown setting desktop.{property.Name} (use {string.Join(", ", DesktopActions.Settings.Select(setting => setting.Name))})"
            : $"robot '{robot.Name}': desktop.{property.Name} must be {expected}");
}
