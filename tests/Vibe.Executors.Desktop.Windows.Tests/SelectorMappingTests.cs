using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows.Uia;

namespace Vibe.Executors.Desktop.Windows.Tests;

/// <summary>Which UIA property conditions a selector becomes (30003 ControlType, 30005 Name, 30011 AutomationId, 30012 ClassName).</summary>
public sealed class SelectorMappingTests
{
    [Theory]
    [InlineData("edit", "ControlType=50004")]
    [InlineData("button[name=\"OK\"]", "ControlType=50000 AND Name~=\"OK\"")]
    [InlineData("*[id=\"txtUser\"]", "AutomationId~=\"txtUser\"")]
    [InlineData("edit[id=\"15\"][class=\"Edit\"]", "ControlType=50004 AND AutomationId~=\"15\" AND ClassName~=\"Edit\"")]
    [InlineData("*[role=\"MenuItem\"]", "ControlType=50011")]
    [InlineData("table", "ControlType=50028 OR ControlType=50036")]
    [InlineData("custom", "ControlType=50025 OR ControlType=50027 OR ControlType=50039 OR ControlType=50040")]
    [InlineData("dialog[name=\"Save As\"]", "ControlType=50032 AND Name~=\"Save As\"")]
    [InlineData("cell", "ControlType=0")]
    [InlineData("*", "TRUE")]
    public void Selector_becomes_the_UIA_conditions_it_can_express(string selector, string condition)
    {
        Assert.Equal(condition, UiaSelectorMapping.ToCondition(Step(selector)).Describe());
    }

    [Theory]
    [InlineData("button[name*=\"Save\"]", "ControlType=50000")]
    [InlineData("*[name^=\"File\"]", "TRUE")]
    [InlineData("edit[id~=\"^txt\"]", "ControlType=50004")]
    [InlineData("*[role=\"push button\"]", "TRUE")]
    public void Partial_and_regex_matches_stay_out_of_the_condition_and_need_the_after_check(string selector, string condition)
    {
        var step = Step(selector);

        Assert.Equal(condition, UiaSelectorMapping.ToCondition(step).Describe());
        Assert.True(UiaSelectorMapping.NeedsAfterCheck(step));
    }

    [Theory]
    [InlineData("button[name=\"OK\"]")]
    [InlineData("edit[id=\"15\"]")]
    public void Exact_selectors_are_decided_by_UIA_alone(string selector)
    {
        Assert.False(UiaSelectorMapping.NeedsAfterCheck(Step(selector)));
    }

    [Theory]
    [InlineData(50000, "", false, ControlType.Button)]
    [InlineData(50004, "Edit", false, ControlType.Edit)]
    [InlineData(50030, "RichEditD2DPT", false, ControlType.Document)]
    [InlineData(50032, "Notepad", false, ControlType.Window)]
    [InlineData(50032, "#32770", false, ControlType.Dialog)]
    [InlineData(50032, "", true, ControlType.Dialog)]
    [InlineData(50028, "", false, ControlType.Table)]
    [InlineData(50036, "", false, ControlType.Table)]
    [InlineData(50029, "", false, ControlType.Row)]
    [InlineData(50040, "", false, ControlType.Custom)]
    [InlineData(12345, "", false, ControlType.Custom)]
    public void UIA_control_types_report_as_the_shared_words(int uiaType, string className, bool isDialog, ControlType expected)
    {
        Assert.Equal(expected, UiaSelectorMapping.ToControlType(uiaType, className, isDialog));
    }

    [Fact]
    public void Every_shared_control_type_but_cell_maps_to_a_UIA_type_that_reports_back_as_itself()
    {
        foreach (var type in Enum.GetValues<ControlType>().Where(type => type is not ControlType.Unknown and not ControlType.Cell))
        {
            var uiaTypes = UiaSelectorMapping.ToUiaControlTypes(type);
            Assert.NotEmpty(uiaTypes);
            var className = type == ControlType.Dialog ? "#32770" : "";
            Assert.All(uiaTypes, uiaType => Assert.Equal(type, UiaSelectorMapping.ToControlType(uiaType, className)));
        }
    }

    private static ElementSelector Step(string selector) => DesktopSelector.Parse(selector).Path.Single();
}
