using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using Vibe.Executors.Desktop.Windows.Interop;
using Vibe.Executors.Desktop.Windows.Tests.Fakes;
using Vibe.Executors.Desktop.Windows.Uia;

namespace Vibe.Executors.Desktop.Windows.Tests;

/// <summary>
/// Managed fakes go out as COM pointers and come back as the generated interfaces, so every call below crosses
/// a real unmanaged vtable call with BSTR, BOOL, struct and interface marshalling, as calls into UIAutomationCore do.
/// </summary>
public sealed class ComBindingRoundTripTests
{
    [Fact]
    public void Element_through_a_COM_pointer_reports_the_fakes_properties()
    {
        var fake = new FakeElement
        {
            Name = "Fichier enregistré ✓",
            AutomationId = "15",
            ControlType = UiaControlTypes.Edit,
            IsEnabled = false,
            Bounds = new UiaRect { Left = -1910, Top = 20, Right = -1500, Bottom = 60 },
        };

        var element = ThroughCom<IUIAutomationElement>(fake);

        Assert.IsType<ComObject>(element);
        Assert.Equal("Fichier enregistré ✓", element.get_CurrentName());
        Assert.Equal("15", element.get_CurrentAutomationId());
        Assert.Equal(UiaControlTypes.Edit, element.get_CurrentControlType());
        Assert.False(element.get_CurrentIsEnabled());
        var bounds = element.get_CurrentBoundingRectangle();
        Assert.Equal((-1910, 20, 410, 40), (bounds.Left, bounds.Top, bounds.Width, bounds.Height));
        Assert.True(element.GetClickablePoint(out var point));
        Assert.Equal((-1705, 40), (point.X, point.Y));
        element.SetFocus();
        Assert.Equal(1, fake.FocusCount);
    }

    [Fact]
    public void Property_values_come_back_as_VARIANTs_whose_contents_the_caller_owns()
    {
        var element = ThroughCom<IUIAutomationElement>(new FakeElement { Name = "Größe", ControlType = UiaControlTypes.Edit, IsEnabled = true });

        using var name = element.GetCurrentPropertyValue(UiaPropertyIds.Name);
        using var type = element.GetCurrentPropertyValue(UiaPropertyIds.ControlType);
        using var enabled = element.GetCurrentPropertyValue(UiaPropertyIds.IsEnabled);
        using var toggle = element.GetCurrentPropertyValue(UiaPropertyIds.ToggleState);

        Assert.Equal("Größe", name.AsString());
        Assert.Equal(UiaControlTypes.Edit, type.TryInt32());
        Assert.True(enabled.TryBoolean());
        Assert.Equal(UiaVariant.VT_UNKNOWN, toggle.VarType);
        Assert.Null(toggle.TryInt32());
    }

    [Fact]
    public void Null_strings_and_missing_elements_come_back_as_null()
    {
        var element = ThroughCom<IUIAutomationElement>(new FakeElement());

        Assert.Null(element.get_CurrentName());
        Assert.Null(element.FindFirst(TreeScope.Children, ThroughCom<IUIAutomationCondition>(new FakeCondition("TRUE"))));
    }

    [Fact]
    public void FindFirst_passes_the_scope_and_returns_the_child_element()
    {
        var parent = new FakeElement { Name = "Untitled - Notepad" };
        parent.Children.Add(new FakeElement { Name = "Text editor", ControlType = UiaControlTypes.Document });
        var element = ThroughCom<IUIAutomationElement>(parent);

        var child = element.FindFirst(TreeScope.Descendants, ThroughCom<IUIAutomationCondition>(new FakeCondition("TRUE")));

        Assert.NotNull(child);
        Assert.Equal("Text editor", child.get_CurrentName());
        Assert.Equal(TreeScope.Descendants, parent.LastScope);
    }

    [Fact]
    public void A_failed_HRESULT_from_the_provider_surfaces_as_COMException_with_that_code()
    {
        var element = ThroughCom<IUIAutomationElement>(new FakeElement());

        var error = Assert.Throws<COMException>(() => element.get_CurrentHelpText());

        Assert.Equal(FakeElement.UIA_E_ELEMENTNOTAVAILABLE, error.HResult);
    }

    [Theory]
    [InlineData(unchecked((int)0x80040201), "reading help: the element is gone (its window closed or its content changed)")]
    [InlineData(unchecked((int)0x80040200), "reading help: the element is disabled")]
    [InlineData(unchecked((int)0x80131505), "reading help: the application did not answer UI Automation in time (it may be busy or hung)")]
    [InlineData(unchecked((int)0x80131509), "reading help: the application refused the operation in the element's current state")]
    public void UIA_failures_reach_the_operator_as_driver_errors_in_words(int hresult, string message)
    {
        var fake = new FakeElement { HelpTextError = Marshal.GetExceptionForHR(hresult)! };
        var element = ThroughCom<IUIAutomationElement>(fake);

        var error = Assert.Throws<Driver.DesktopDriverException>(() => UiaErrors.Guard("reading help", element.get_CurrentHelpText));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Patterns_fetched_by_id_are_cast_to_their_interface_and_reach_the_fake()
    {
        var invoke = new FakeInvokePattern();
        var value = new FakeValuePattern { Value = "old" };
        var fake = new FakeElement();
        fake.Patterns[UiaPatternIds.Invoke] = invoke;
        fake.Patterns[UiaPatternIds.Value] = value;
        var element = ThroughCom<IUIAutomationElement>(fake);

        UiaPatterns.Get<IUIAutomationInvokePattern>(element, UiaPatternIds.Invoke)!.Invoke();
        var valuePattern = UiaPatterns.Get<IUIAutomationValuePattern>(element, UiaPatternIds.Value)!;
        valuePattern.SetValue("naïve — 日本語 😀");

        Assert.Equal(1, invoke.Invoked);
        Assert.Equal("naïve — 日本語 😀", value.Value);
        Assert.Equal("naïve — 日本語 😀", valuePattern.get_CurrentValue());
        Assert.Null(UiaPatterns.Get<IUIAutomationTogglePattern>(element, UiaPatternIds.Toggle));
    }

    [Fact]
    public void Condition_builder_passes_VARIANT_values_by_value_to_CreatePropertyCondition()
    {
        var automation = ThroughCom<IUIAutomation>(new FakeAutomation());
        var selector = Driver.DesktopSelector.Parse("edit[id=\"txtUser\"][name=\"User name\"]").Path[0];

        var condition = UiaConditionBuilder.Build(automation, UiaSelectorMapping.ToCondition(selector));

        // The fake's condition comes back unwrapped: the text is what crossed the COM boundary.
        Assert.Equal("AND(AND(30003=50004, 30005~=\"User name\"), 30011~=\"txtUser\")", Assert.IsType<FakeCondition>(condition).Text);
    }

    [Fact]
    public void Condition_builder_combines_several_control_types_with_Or()
    {
        var automation = ThroughCom<IUIAutomation>(new FakeAutomation());
        var selector = Driver.DesktopSelector.Parse("table").Path[0];

        var condition = UiaConditionBuilder.Build(automation, UiaSelectorMapping.ToCondition(selector));

        Assert.Equal("OR(30003=50028, 30003=50036)", Assert.IsType<FakeCondition>(condition).Text);
    }

    /// <summary>
    /// Calls slots by their number in UIAutomationClient.h, through raw function pointers, on the vtable the
    /// generated code built from the declarations: the declared order is the order a native caller sees.
    /// </summary>
    [Fact]
    public unsafe void Header_slot_numbers_reach_the_methods_the_header_puts_there()
    {
        var fake = new FakeElement { Name = "OK", AutomationId = "btnOk", ControlType = UiaControlTypes.Window };
        var unknown = FakeElement.Wrappers.GetOrCreateComInterfaceForObject(fake, CreateComInterfaceFlags.None);
        var iid = typeof(IUIAutomationElement).GUID;
        Assert.Equal(0, Marshal.QueryInterface(unknown, in iid, out var pointer));
        try
        {
            var vtable = *(nint**)pointer;
            var slots = UiaSlotTable.Interfaces.Single(entry => entry.Name == "IUIAutomationElement").Methods;
            int Slot(string method) => 3 + slots.ToList().IndexOf(method);

            nint bstr;
            Assert.Equal(0, ((delegate* unmanaged[MemberFunction]<nint, nint*, int>)vtable[Slot("get_CurrentName")])(pointer, &bstr));
            Assert.Equal("OK", Marshal.PtrToStringBSTR(bstr));
            Marshal.FreeBSTR(bstr);
            Assert.Equal(0, ((delegate* unmanaged[MemberFunction]<nint, nint*, int>)vtable[Slot("get_CurrentAutomationId")])(pointer, &bstr));
            Assert.Equal("btnOk", Marshal.PtrToStringBSTR(bstr));
            Marshal.FreeBSTR(bstr);
            int controlType;
            Assert.Equal(0, ((delegate* unmanaged[MemberFunction]<nint, int*, int>)vtable[Slot("get_CurrentControlType")])(pointer, &controlType));
            Assert.Equal(UiaControlTypes.Window, controlType);
            Assert.Equal(3 + 81, Slot("GetClickablePoint"));
        }
        finally
        {
            Marshal.Release(pointer);
            Marshal.Release(unknown);
        }
    }

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
