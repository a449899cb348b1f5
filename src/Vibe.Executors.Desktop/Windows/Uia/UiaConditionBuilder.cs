using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.Uia;

/// <summary>Creates the COM condition objects for a <see cref="UiaCondition"/>.</summary>
internal static class UiaConditionBuilder
{
    public static IUIAutomationCondition Build(IUIAutomation automation, UiaCondition condition) => condition switch
    {
        UiaCondition.TrueCondition => automation.CreateTrueCondition(),
        UiaCondition.Property property => BuildProperty(automation, property),
        UiaCondition.And and => Combine(automation, and.Conditions, automation.CreateAndCondition),
        UiaCondition.Or or => Combine(automation, or.Conditions, automation.CreateOrCondition),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "unknown condition"),
    };

    private static IUIAutomationCondition BuildProperty(IUIAutomation automation, UiaCondition.Property property)
    {
        // UIA copies the VARIANT into the condition, so the BSTR is ours to free right after.
        using var value = property.Value switch
        {
            int number => UiaVariant.FromInt32(number),
            bool flag => UiaVariant.FromBoolean(flag),
            string text => UiaVariant.FromString(text),
            _ => throw new ArgumentOutOfRangeException(nameof(property), property.Value, "a UIA condition value is an int, a bool or a string"),
        };
        return property.IgnoreCase
            ? automation.CreatePropertyConditionEx(property.PropertyId, value, PropertyConditionFlags.IgnoreCase)
            : automation.CreatePropertyCondition(property.PropertyId, value);
    }

    // Pairwise so only the two-argument methods are needed; UIA flattens nothing, but depth stays small (a handful of parts).
    private static IUIAutomationCondition Combine(
        IUIAutomation automation,
        IReadOnlyList<UiaCondition> conditions,
        Func<IUIAutomationCondition, IUIAutomationCondition, IUIAutomationCondition> combine)
    {
        var result = Build(automation, conditions[0]);
        for (var i = 1; i < conditions.Count; i++)
        {
            result = combine(result, Build(automation, conditions[i]));
        }

        return result;
    }
}
