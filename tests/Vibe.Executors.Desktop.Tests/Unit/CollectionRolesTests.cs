using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Linux;

namespace Vibe.Executors.Desktop.Tests.Unit;

/// <summary>The roles a Collection match rule asks for: every AT-SPI role of the selector's type, or none to narrow by.</summary>
public sealed class CollectionRolesTests
{
    // A slice of libatspi's numbering (atspi-constants.h), with holes where a number has no name.
    private static readonly string?[] RoleNames = Names(
        (11, "combo box"), (16, "dialog"), (23, "frame"), (29, "label"), (43, "push button"), (55, "table cell"),
        (56, "table column header"), (60, "text"), (61, "toggle button"), (62, "tool bar"), (69, "window"), (79, "entry"),
        (83, "page"), (88, "ruler"), (90, "redundant object"));

    [Fact]
    public void A_button_asks_for_every_role_that_is_a_button()
    {
        var roles = CollectionRoles.For(Selector(ControlType.Button), RoleNames);
        Assert.Equal([43, 61], roles);
    }

    [Fact]
    public void A_window_asks_for_frames_and_windows_and_an_edit_for_text_and_entries()
    {
        Assert.Equal([23, 69], CollectionRoles.For(Selector(ControlType.Window), RoleNames));
        Assert.Equal([60, 79], CollectionRoles.For(Selector(ControlType.Edit), RoleNames));
    }

    [Fact]
    public void Any_type_and_custom_roles_do_not_narrow_the_rule()
    {
        Assert.Null(CollectionRoles.For(Selector(ControlType.Unknown), RoleNames));

        // "page" and "ruler" are custom to vibe; a rule naming the known custom roles would miss the ones a newer
        // toolkit adds, so the selector's own check decides.
        Assert.Null(CollectionRoles.For(Selector(ControlType.Custom), RoleNames));
    }

    [Fact]
    public void A_type_none_of_whose_roles_this_library_knows_does_not_narrow_the_rule()
    {
        Assert.Null(CollectionRoles.For(Selector(ControlType.Slider), RoleNames));
    }

    [Fact]
    public void A_type_with_a_role_past_the_rules_128_bits_does_not_narrow_the_rule()
    {
        var names = Names((43, "push button"), (130, "toggle button"));
        Assert.Null(CollectionRoles.For(Selector(ControlType.Button), names));
    }

    [Fact]
    public void The_name_is_left_to_the_selector_because_a_rule_cannot_compare_names()
    {
        var named = Selector(ControlType.Button) with { Name = new TextMatch(MatchOperator.Equals, "Don't Save") };
        Assert.Equal(CollectionRoles.For(Selector(ControlType.Button), RoleNames), CollectionRoles.For(named, RoleNames));
    }

    private static ElementSelector Selector(ControlType type) => new() { Type = type };

    private static string?[] Names(params (int Role, string Name)[] roles)
    {
        var names = new string?[roles.Max(role => role.Role) + 1];
        foreach (var (role, name) in roles)
        {
            names[role] = name;
        }

        return names;
    }
}
