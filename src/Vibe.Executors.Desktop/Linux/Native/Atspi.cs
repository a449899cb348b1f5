using System.Runtime.InteropServices;

namespace Vibe.Executors.Desktop.Linux.Native;

/// <summary>
/// libatspi (AT-SPI 2 client library) and the two GLib helpers its results need. Every AtspiAccessible* returned
/// is a new reference (g_object_unref), every gchar* is g_free'd; errors come back as GError** out parameters.
/// No .NET D-Bus library is available here, so the library speaks D-Bus for us.
/// </summary>
internal static unsafe partial class Atspi
{
    public const string Library = "libatspi.so.0";
    public const string GLib = "libglib-2.0.so.0";
    public const string GObject = "libgobject-2.0.so.0";

    public const int CoordTypeScreen = 0;

    [LibraryImport(Library)]
    public static partial int atspi_init();

    [LibraryImport(Library)]
    public static partial void atspi_set_timeout(int milliseconds, int startupMilliseconds);

    [LibraryImport(Library)]
    public static partial nint atspi_get_desktop(int index);

    [LibraryImport(Library)]
    public static partial int atspi_accessible_get_child_count(nint accessible, out nint error);

    [LibraryImport(Library)]
    public static partial nint atspi_accessible_get_child_at_index(nint accessible, int index, out nint error);

    [LibraryImport(Library)]
    public static partial nint atspi_accessible_get_parent(nint accessible, out nint error);

    [LibraryImport(Library)]
    public static partial int atspi_accessible_get_index_in_parent(nint accessible, out nint error);

    [LibraryImport(Library)]
    public static partial nint atspi_accessible_get_name(nint accessible, out nint error);

    [LibraryImport(Library)]
    public static partial nint atspi_accessible_get_role_name(nint accessible, out nint error);

    [LibraryImport(Library)]
    public static partial nint atspi_accessible_get_accessible_id(nint accessible, out nint error);

    [LibraryImport(Library)]
    public static partial nint atspi_accessible_get_toolkit_name(nint accessible, out nint error);

    [LibraryImport(Library)]
    public static partial void atspi_accessible_clear_cache(nint accessible);

    [LibraryImport(Library)]
    public static partial nint atspi_accessible_get_application(nint accessible, out nint error);

    [LibraryImport(Library)]
    public static partial nint atspi_accessible_get_toolkit_version(nint accessible, out nint error);

    [LibraryImport(Library)]
    public static partial uint atspi_accessible_get_process_id(nint accessible, out nint error);

    [LibraryImport(Library)]
    public static partial nint atspi_accessible_get_state_set(nint accessible);

    [LibraryImport(Library)]
    public static partial nint atspi_accessible_get_interfaces(nint accessible);

    [LibraryImport(Library)]
    public static partial nint atspi_state_set_get_states(nint stateSet);

    [LibraryImport(Library)]
    public static partial AtspiRect* atspi_component_get_extents(nint component, int coordType, out nint error);

    [LibraryImport(Library)]
    public static partial int atspi_component_grab_focus(nint component, out nint error);

    [LibraryImport(Library)]
    public static partial int atspi_action_get_n_actions(nint action, out nint error);

    [LibraryImport(Library)]
    public static partial nint atspi_action_get_action_name(nint action, int index, out nint error);

    [LibraryImport(Library)]
    public static partial int atspi_action_do_action(nint action, int index, out nint error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int atspi_editable_text_set_text_contents(nint editableText, string contents, out nint error);

    [LibraryImport(Library)]
    public static partial int atspi_text_get_character_count(nint text, out nint error);

    [LibraryImport(Library)]
    public static partial nint atspi_text_get_text(nint text, int start, int end, out nint error);

    [LibraryImport(Library)]
    public static partial nint atspi_table_get_accessible_at(nint table, int row, int column, out nint error);

    [LibraryImport(Library)]
    public static partial int atspi_table_get_n_rows(nint table, out nint error);

    [LibraryImport(Library)]
    public static partial int atspi_table_get_n_columns(nint table, out nint error);

    [LibraryImport(Library)]
    public static partial nint atspi_component_get_accessible_at_point(nint component, int x, int y, int coordType, out nint error);

    [LibraryImport(Library)]
    public static partial int atspi_selection_select_child(nint selection, int childIndex, out nint error);

    /// <summary>The role's name ("push button"), as atspi_accessible_get_role_name gives it; g_free it.</summary>
    [LibraryImport(Library)]
    public static partial nint atspi_role_get_name(int role);

    [LibraryImport(Library)]
    public static partial nint atspi_state_set_new(nint states);

    [LibraryImport(Library)]
    public static partial void atspi_state_set_add(nint set, int state);

    [LibraryImport(Library)]
    public static partial nint atspi_match_rule_new(
        nint states, int stateMatchType, nint attributes, int attributeMatchType, nint roles, int roleMatchType, nint interfaces, int interfaceMatchType, int invert);

    /// <summary>GArray of new AtspiAccessible* references (the caller unrefs each and frees the array).</summary>
    [LibraryImport(Library)]
    public static partial nint atspi_collection_get_matches(nint collection, nint rule, int sortBy, int count, int traverse, out nint error);

    [LibraryImport(GLib)]
    public static partial nint g_array_new(int zeroTerminated, int clear, uint elementSize);

    [LibraryImport(GLib)]
    public static partial nint g_array_append_vals(nint array, void* data, uint length);

    [LibraryImport(GLib)]
    public static partial void g_free(nint memory);

    /// <summary>GLogLevelFlags: every level, fatal and recursion flags included.</summary>
    public const int GLogLevelAll = ~0;

    [LibraryImport(GLib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial uint g_log_set_handler(string logDomain, int logLevels, delegate* unmanaged<nint, int, nint, nint, void> handler, nint userData);

    [LibraryImport(GLib)]
    public static partial void g_error_free(nint error);

    [LibraryImport(GLib)]
    public static partial nint g_array_free(nint array, int freeSegment);

    [LibraryImport(GObject)]
    public static partial void g_object_unref(nint instance);
}

[StructLayout(LayoutKind.Sequential)]
internal struct AtspiRect
{
    public int X;
    public int Y;
    public int Width;
    public int Height;
}

/// <summary>GArray's public head: the element data and the element count.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GArray
{
    public nint Data;
    public uint Length;
}

/// <summary>GError: domain quark, code, message.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GError
{
    public uint Domain;
    public int Code;
    public nint Message;
}

/// <summary>The AtspiStateType values the backend reads (atspi-constants.h).</summary>
internal enum AtspiState
{
    Checked = 4,
    Editable = 7,
    Enabled = 8,
    Expanded = 10,
    Focusable = 11,
    Focused = 12,
    Selected = 23,
    Sensitive = 24,
    Showing = 25,
    Visible = 30,
    ManagesDescendants = 31,
    ReadOnly = 43,
}

/// <summary>AtspiCollectionMatchType: how a match rule's list of states or roles is compared.</summary>
internal enum CollectionMatch
{
    All = 1,
    Any = 2,
}
