using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows.Interop;
using Vibe.Executors.Desktop.Windows.Tests.Fakes;
using Vibe.Executors.Desktop.Windows.Uia;

namespace Vibe.Executors.Desktop.Windows.Tests;

/// <summary>
/// The Windows driver's element logic (search with the after-check, cached reads, states, tree, patterns) over a
/// fake UI Automation tree. The automation object is reached through a COM pointer; the generated marshallers hand
/// back the managed fakes themselves for the elements it returns, so these tests are about the logic, and
/// <see cref="ComBindingRoundTripTests"/> about the marshalling.
/// </summary>
public sealed class UiaClientTests
{
    private static readonly DesktopWindow Window = new(0x1234, "Login", 42, "app", "AppWindow", new ScreenRect(0, 0, 800, 600), true);

    [Fact]
    public void FindElements_asks_UIA_for_what_it_can_test_and_checks_the_rest_itself()
    {
        var (client, root) = Client(new FakeElement { Name = "Login", ControlType = UiaControlTypes.Window }.Add(
            new FakeElement { Name = "Pane", ControlType = 50033 }.Add(
                new FakeElement { Name = "OK", ControlType = 50000, Bounds = Rect(10, 10, 80, 30) },
                new FakeElement { Name = "Cancel", ControlType = 50000, Bounds = Rect(100, 10, 80, 30) }),
            new FakeElement { Name = "Cancel all", ControlType = 50000, IsEnabled = false, IsOffscreen = true }));

        var found = client.FindElements(Window, null, Selector("button[name^=\"Cancel\"]"), int.MaxValue);

        Assert.Equal("30003=50000", root.LastCondition);
        Assert.Equal(TreeScope.Descendants, root.LastScope);
        Assert.Equal(["Cancel", "Cancel all"], found.Select(element => element.Info.Name));
        Assert.Equal(ElementStates.Enabled | ElementStates.Visible, found[0].Info.States);
        Assert.Equal(ElementStates.None, found[1].Info.States);
        Assert.Equal(new ScreenRect(100, 10, 80, 30), found[0].Info.Bounds);
        Assert.Same(Window, found[0].Window);
    }

    [Fact]
    public void FindElements_stops_at_the_limit()
    {
        var (client, _) = Client(new FakeElement().Add(
            new FakeElement { Name = "One", ControlType = 50000 },
            new FakeElement { Name = "Two", ControlType = 50000 }));

        Assert.Equal(["One"], client.FindElements(Window, null, Selector("button"), 1).Select(element => element.Info.Name));
    }

    [Fact]
    public void Elements_report_the_shared_type_the_UIA_role_the_id_and_class()
    {
        var (client, _) = Client(new FakeElement().Add(
            new FakeElement { Name = "User name", AutomationId = "txtUser", ClassName = "WindowsForms10.EDIT", ControlType = UiaControlTypes.Edit, ValueIsReadOnly = false }));

        var info = Assert.Single(client.FindElements(Window, null, Selector("edit[id=\"txtUser\"]"), 10)).Info;

        Assert.Equal((ControlType.Edit, "Edit", "txtUser", "WindowsForms10.EDIT"), (info.Type, info.Role, info.Id, info.ClassName));
        Assert.True(info.Has(ElementStates.Editable));
        Assert.False(info.Has(ElementStates.ReadOnly));
    }

    [Fact]
    public void Pattern_states_become_checked_selected_expanded_and_read_only_and_unsupported_ones_are_left_out()
    {
        var (client, _) = Client(new FakeElement().Add(
            new FakeElement { Name = "Remember me", ControlType = 50002, ToggleState = (int)ToggleState.On },
            new FakeElement { Name = "Banana", ControlType = 50007, IsSelected = true },
            new FakeElement { Name = "Fruit", ControlType = 50003, ExpandState = (int)ExpandCollapseState.Expanded },
            new FakeElement { Name = "Total", ControlType = 50004, ValueIsReadOnly = true },
            new FakeElement { Name = "Plain", ControlType = 50020 }));

        var states = client.FindElements(Window, null, Selector("*"), 10).ToDictionary(element => element.Info.Name, element => element.Info.States & ~(ElementStates.Enabled | ElementStates.Visible));

        Assert.Equal(ElementStates.Checked, states["Remember me"]);
        Assert.Equal(ElementStates.Selected, states["Banana"]);
        Assert.Equal(ElementStates.Expanded, states["Fruit"]);
        Assert.Equal(ElementStates.ReadOnly, states["Total"]);
        Assert.Equal(ElementStates.None, states["Plain"]);
    }

    [Fact]
    public void A_dialog_is_a_window_of_the_dialog_class_or_one_UIA_flags_as_dialog()
    {
        var (client, _) = Client(new FakeElement().Add(
            new FakeElement { Name = "Save As", ControlType = UiaControlTypes.Window, ClassName = "#32770" },
            new FakeElement { Name = "Settings", ControlType = UiaControlTypes.Window, IsDialog = true },
            new FakeElement { Name = "Main", ControlType = UiaControlTypes.Window, IsDialog = false }));

        var found = client.FindElements(Window, null, Selector("dialog"), 10);

        Assert.Equal(["Save As", "Settings"], found.Select(element => element.Info.Name));
    }

    [Fact]
    public void Without_the_IsDialog_property_older_systems_still_find_class_based_dialogs()
    {
        var automation = new FakeAutomation { Root = new FakeElement().Add(new FakeElement { Name = "Save As", ControlType = UiaControlTypes.Window, ClassName = "#32770" }) };
        automation.Cache.RefuseIsDialog = true;
        var client = UiaClient.Over(ThroughCom<IUIAutomation>(automation));

        Assert.Equal(["Save As"], client.FindElements(Window, null, Selector("dialog"), 10).Select(element => element.Info.Name));
        Assert.DoesNotContain(UiaPropertyIds.IsDialog, automation.Cache.Properties);
    }

    [Fact]
    public void Tree_walks_the_control_view_to_the_requested_depth()
    {
        var (client, _) = Client(new FakeElement { Name = "Login", ControlType = UiaControlTypes.Window }.Add(
            new FakeElement { Name = "Pane", ControlType = 50033 }.Add(new FakeElement { Name = "OK", ControlType = 50000 }),
            new FakeElement { Name = "Status", ControlType = 50017 }));

        var shallow = client.Tree(Window, maxDepth: 1);
        var deep = client.Tree(Window, maxDepth: 5);

        Assert.Equal(["Pane", "Status"], shallow.Children.Select(node => node.Info.Name));
        Assert.All(shallow.Children, node => Assert.Empty(node.Children));
        Assert.Equal("OK", Assert.Single(deep.Children[0].Children).Info.Name);
        Assert.Equal(ControlType.StatusBar, deep.Children[1].Info.Type);
    }

    [Fact]
    public void TryInvoke_prefers_Invoke_then_Toggle_and_says_false_when_there_is_no_pattern()
    {
        var invoke = new FakeInvokePattern();
        var toggle = new FakeTogglePattern();
        var button = new FakeElement { Name = "OK", ControlType = 50000 };
        button.Patterns[UiaPatternIds.Invoke] = invoke;
        button.Patterns[UiaPatternIds.Toggle] = toggle;
        var check = new FakeElement { Name = "Remember", ControlType = 50002 };
        check.Patterns[UiaPatternIds.Toggle] = toggle;
        var (client, _) = Client(new FakeElement().Add(button, check, new FakeElement { Name = "Label", ControlType = 50020 }));
        var found = client.FindElements(Window, null, Selector("*"), 10).Cast<UiaDesktopElement>().ToList();

        Assert.True(client.TryInvoke(found[0]));
        Assert.True(client.TryInvoke(found[1]));
        Assert.False(client.TryInvoke(found[2]));
        Assert.Equal((1, 1), (invoke.Invoked, toggle.Toggled));
    }

    [Fact]
    public void Select_opens_a_combo_box_selects_the_item_and_closes_it()
    {
        var expand = new FakeExpandCollapsePattern();
        var banana = new FakeSelectionItemPattern();
        var combo = new FakeElement { Name = "Fruit", ControlType = 50003 };
        combo.Patterns[UiaPatternIds.ExpandCollapse] = expand;
        var apple = new FakeElement { Name = "Apple", ControlType = 50007 };
        apple.Patterns[UiaPatternIds.SelectionItem] = new FakeSelectionItemPattern();
        var bananaItem = new FakeElement { Name = "Banana", ControlType = 50007 };
        bananaItem.Patterns[UiaPatternIds.SelectionItem] = banana;
        combo.Add(new FakeElement { Name = "List", ControlType = 50008 }.Add(apple, bananaItem));
        var (client, _) = Client(new FakeElement().Add(combo));
        var target = (UiaDesktopElement)client.FindElements(Window, null, Selector("combobox"), 1).Single();

        client.Select(target, new TextMatch(MatchOperator.Equals, "banana"));

        Assert.True(banana.Selected);
        Assert.Equal(["expand", "collapse"], expand.Calls);
    }

    [Fact]
    public void Select_without_a_matching_item_lists_the_items_there_are()
    {
        var list = new FakeElement { Name = "Fruit", ControlType = 50008 }.Add(new FakeElement { Name = "Apple", ControlType = 50007 }, new FakeElement { Name = "Pear", ControlType = 50007 });
        var (client, _) = Client(new FakeElement().Add(list));
        var target = (UiaDesktopElement)client.FindElements(Window, null, Selector("list"), 1).Single();

        var error = Assert.Throws<DesktopDriverException>(() => client.Select(target, new TextMatch(MatchOperator.Equals, "Cherry")));

        Assert.StartsWith("no item =\"Cherry\" in list name=\"Fruit\"", error.Message);
        Assert.EndsWith("its items are: \"Apple\", \"Pear\"", error.Message);
    }

    [Fact]
    public void SetValue_uses_the_Value_pattern_refuses_read_only_fields_and_says_when_there_is_none()
    {
        var writable = new FakeValuePattern { Value = "old" };
        var user = new FakeElement { Name = "User", ControlType = 50004 };
        user.Patterns[UiaPatternIds.Value] = writable;
        var total = new FakeElement { Name = "Total", ControlType = 50004 };
        total.Patterns[UiaPatternIds.Value] = new FakeValuePattern { IsReadOnly = true };
        var (client, _) = Client(new FakeElement().Add(user, total, new FakeElement { Name = "Editor", ControlType = 50030 }));
        var found = client.FindElements(Window, null, Selector("*"), 10).Cast<UiaDesktopElement>().ToList();

        Assert.True(client.TrySetValue(found[0], "ada"));
        var error = Assert.Throws<DesktopDriverException>(() => client.TrySetValue(found[1], "1"));
        Assert.False(client.TrySetValue(found[2], "text"));

        Assert.Equal("ada", writable.Value);
        Assert.EndsWith("the element is read-only", error.Message);
    }

    [Fact]
    public void ReadText_reads_the_value_or_else_the_name()
    {
        var field = new FakeElement { Name = "User", ControlType = 50004 };
        field.Patterns[UiaPatternIds.Value] = new FakeValuePattern { Value = "ada" };
        var (client, _) = Client(new FakeElement().Add(field, new FakeElement { Name = "Welcome back", ControlType = 50020 }));
        var found = client.FindElements(Window, null, Selector("*"), 10).Cast<UiaDesktopElement>().ToList();

        Assert.Equal(["ada", "Welcome back"], found.Select(client.ReadText));
    }

    [Theory]
    [InlineData("CreatePropertyCondition", "IUIAutomation.CreatePropertyCondition")]
    [InlineData("CreatePropertyConditionEx", "IUIAutomation.CreatePropertyConditionEx")]
    public void A_search_UIA_does_not_implement_says_so_and_names_the_call(string missing, string named)
    {
        var automation = new FakeAutomation { Root = new FakeElement().Add(new FakeElement { Name = "OK", ControlType = 50000 }) };
        automation.NotImplemented.Add(missing);
        var client = UiaClient.Over(ThroughCom<IUIAutomation>(automation));

        var error = Assert.Throws<DesktopDriverException>(() => client.FindElements(Window, null, Selector("button[name=\"ok\"]"), 10));

        Assert.StartsWith("searching for button[name=\"ok\"] in \"Login\"", error.Message);
        Assert.Contains($"UI Automation on this machine does not implement {named}", error.Message);
    }

    [Fact]
    public void An_element_tree_without_the_control_view_walker_says_UIA_does_not_implement_it()
    {
        var automation = new FakeAutomation { Root = new FakeElement { Name = "Login", ControlType = UiaControlTypes.Window } };
        automation.NotImplemented.Add("get_ControlViewWalker");
        var client = UiaClient.Over(ThroughCom<IUIAutomation>(automation));

        var error = Assert.Throws<DesktopDriverException>(() => client.Tree(Window, 5));

        Assert.Contains("UI Automation on this machine does not implement IUIAutomation.get_ControlViewWalker", error.Message);
    }

    [Fact]
    public void A_UIA_without_cache_requests_fails_with_a_clear_message_when_the_client_is_made()
    {
        var automation = new FakeAutomation();
        automation.NotImplemented.Add("CreateCacheRequest");

        var error = Assert.Throws<DesktopDriverException>(() => UiaClient.Over(ThroughCom<IUIAutomation>(automation)));

        Assert.Equal(
            "preparing UI Automation: UI Automation on this machine does not implement IUIAutomation.CreateCacheRequest "
            + "(use win32: selectors for classic Win32 controls, or coordinates, keys and images)",
            error.Message);
    }

    [Fact]
    public void A_machine_without_UIA_registered_gets_a_clear_message()
    {
        Assert.StartsWith("UI Automation is not installed on this machine", UiaErrors.NotAvailable(unchecked((int)0x80040154)));
        Assert.Equal("UI Automation is not available (CoCreateInstance CUIAutomation failed with 0x80004005)", UiaErrors.NotAvailable(unchecked((int)0x80004005)));
    }

    private static (UiaClient Client, FakeElement Root) Client(FakeElement root) =>
        (UiaClient.Over(ThroughCom<IUIAutomation>(new FakeAutomation { Root = root })), root);

    private static ElementSelector Selector(string text) => DesktopSelector.Parse(text).Path.Single();

    private static UiaRect Rect(int x, int y, int width, int height) => new() { Left = x, Top = y, Right = x + width, Bottom = y + height };

    private static T ThroughCom<T>(object managed)
    {
        var unknown = FakeElement.Wrappers.GetOrCreateComInterfaceForObject(managed, CreateComInterfaceFlags.None);
        try
        {
            return (T)FakeElement.Wrappers.GetOrCreateObjectForComInstance(unknown, CreateObjectFlags.UniqueInstance);
        }
        finally
        {
            Marshal.Release(unknown);
        }
    }
}
