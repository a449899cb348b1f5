using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.Tests;

/// <summary>
/// A COM call goes to a vtable slot by position. These tests hold every declared UIA interface to the slot
/// table transcribed from UIAutomationClient.h: same IID, same base, same methods in the same order.
/// </summary>
public sealed class SlotTableTests
{
    private static readonly Assembly Binding = typeof(IUIAutomation).Assembly;

    public static TheoryData<string> InterfaceNames()
    {
        var data = new TheoryData<string>();
        foreach (var entry in UiaSlotTable.Interfaces)
        {
            data.Add(entry.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InterfaceNames))]
    public void Declared_interface_has_the_headers_methods_in_the_headers_order(string name)
    {
        var entry = UiaSlotTable.Interfaces.Single(candidate => candidate.Name == name);
        var type = Binding.GetType($"Vibe.Executors.Desktop.Windows.Interop.{name}");

        Assert.NotNull(type);
        Assert.Equal(entry.Methods, DeclaredMethods(type));
    }

    [Theory]
    [MemberData(nameof(InterfaceNames))]
    public void Declared_interface_has_the_headers_IID_and_base(string name)
    {
        var entry = UiaSlotTable.Interfaces.Single(candidate => candidate.Name == name);
        var type = Binding.GetType($"Vibe.Executors.Desktop.Windows.Interop.{name}")!;

        Assert.Equal(entry.Iid, type.GUID);
        Assert.NotNull(type.GetCustomAttribute<GeneratedComInterfaceAttribute>());
        var bases = type.GetInterfaces().Where(candidate => candidate.GetCustomAttribute<GeneratedComInterfaceAttribute>() is not null).ToList();
        Assert.Equal(entry.Base, bases.Count == 0 ? "IUnknown" : Assert.Single(bases).Name);
    }

    [Fact]
    public void Every_generated_COM_interface_of_the_binding_is_in_the_slot_table()
    {
        var declared = Binding.GetTypes()
            .Where(type => type.IsInterface && type.GetCustomAttribute<GeneratedComInterfaceAttribute>() is not null)
            .Select(type => type.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(UiaSlotTable.Interfaces.Select(entry => entry.Name).Order(StringComparer.Ordinal), declared);
    }

    [Theory]
    [InlineData("IUIAutomation", 58)]
    [InlineData("IUIAutomationElement", 85)]
    [InlineData("IUIAutomationTreeWalker", 16)]
    [InlineData("IUIAutomationCacheRequest", 12)]
    [InlineData("IUIAutomationTextRange", 21)]
    [InlineData("IUIAutomationWindowPattern", 18)]
    public void Vtable_sizes_match_the_header_including_IUnknown(string name, int slots)
    {
        var entry = UiaSlotTable.Interfaces.Single(candidate => candidate.Name == name);

        Assert.Equal(slots, 3 + entry.Methods.Count);
    }

    /// <summary>
    /// Absolute slot numbers (IUnknown's three included) that independent public UIA bindings call by number; they
    /// check the transcription of the table itself, which the reflection tests above take as given.
    /// </summary>
    [Theory]
    [InlineData("IUIAutomation", "CompareElements", 3)]
    [InlineData("IUIAutomation", "GetRootElement", 5)]
    [InlineData("IUIAutomation", "ElementFromHandle", 6)]
    [InlineData("IUIAutomation", "GetFocusedElement", 8)]
    [InlineData("IUIAutomation", "CreateTreeWalker", 13)]
    [InlineData("IUIAutomation", "get_ControlViewWalker", 14)]
    [InlineData("IUIAutomation", "CreatePropertyCondition", 23)]
    [InlineData("IUIAutomationElement", "get_CurrentAutomationId", 29)]
    [InlineData("IUIAutomationElement", "GetClickablePoint", 84)]
    public void Slot_numbers_used_by_other_public_bindings_agree_with_the_table(string name, string method, int slot)
    {
        var entry = UiaSlotTable.Interfaces.Single(candidate => candidate.Name == name);

        Assert.Equal(slot, 3 + entry.Methods.ToList().IndexOf(method));
    }

    [Fact]
    public void INPUT_has_the_headers_size_for_this_process()
    {
        Assert.Equal(IntPtr.Size == 8 ? 40 : 28, Marshal.SizeOf<INPUT>());
        Assert.Equal(IntPtr.Size == 8 ? 24 : 16, Marshal.SizeOf<UiaVariant>());
    }

    // Methods in declaration order: the compiler emits method definitions in source order, and so do their tokens.
    private static List<string> DeclaredMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(method => method.IsAbstract)
            .OrderBy(method => method.MetadataToken)
            .Select(method => method.Name)
            .ToList();
}
