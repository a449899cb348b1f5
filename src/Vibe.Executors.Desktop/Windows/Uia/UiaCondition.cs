using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.Uia;

/// <summary>
/// A UI Automation condition as plain data, built from a selector before any COM call so the mapping is
/// testable anywhere; <see cref="UiaConditionBuilder"/> turns it into IUIAutomationCondition objects.
/// </summary>
internal abstract record UiaCondition
{
    public static UiaCondition True { get; } = new TrueCondition();

    /// <summary>The condition as text, for tests and the log: <c>ControlType=50004 AND AutomationId~="txtUser"</c>.</summary>
    public abstract string Describe();

    public sealed record TrueCondition : UiaCondition
    {
        public override string Describe() => "TRUE";
    }

    /// <summary>Property equals value (an int, a bool or a string; strings compared ignoring case when <paramref name="IgnoreCase"/>).</summary>
    public sealed record Property(int PropertyId, object Value, bool IgnoreCase = false) : UiaCondition
    {
        public override string Describe() =>
            $"{PropertyName(PropertyId)}{(IgnoreCase ? "~=" : "=")}{(Value is string text ? $"\"{text}\"" : Value)}";
    }

    public sealed record And(IReadOnlyList<UiaCondition> Conditions) : UiaCondition
    {
        public override string Describe() => string.Join(" AND ", Conditions.Select(condition => Wrap(condition, this)));
    }

    public sealed record Or(IReadOnlyList<UiaCondition> Conditions) : UiaCondition
    {
        public override string Describe() => string.Join(" OR ", Conditions.Select(condition => Wrap(condition, this)));
    }

    private static string Wrap(UiaCondition inner, UiaCondition outer) =>
        inner is And or Or && inner.GetType() != outer.GetType() ? $"({inner.Describe()})" : inner.Describe();

    private static string PropertyName(int id) => id switch
    {
        UiaPropertyIds.Name => "Name",
        UiaPropertyIds.AutomationId => "AutomationId",
        UiaPropertyIds.ControlType => "ControlType",
        UiaPropertyIds.ClassName => "ClassName",
        UiaPropertyIds.ProcessId => "ProcessId",
        _ => id.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
