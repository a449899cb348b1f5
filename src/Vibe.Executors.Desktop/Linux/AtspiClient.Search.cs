using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Linux.Native;

namespace Vibe.Executors.Desktop.Linux;

/// <summary>
/// How a selector step is searched. Walking the tree costs a D-Bus round trip per property per element (thousands
/// in an office window), so where the application offers AT-SPI's Collection interface it is asked to filter its
/// own tree by role in one call. Collection has no brake, though: it visits every descendant, and a container that
/// manages its descendants (a spreadsheet's table with 2^31 cells) makes the application create them all until the
/// call times out. So each subtree is first asked for such a container (one call that stops at the first); a clean
/// subtree is searched by Collection, one that holds one is taken apart child by child, and the container itself is
/// searched as before: its cell by the Table interface, otherwise its first children.
/// </summary>
internal sealed unsafe partial class AtspiClient
{
    /// <summary>AtspiCollectionSortOrder CANONICAL (0 is INVALID, which atk-bridge answers with nothing).</summary>
    private const int SortCanonical = 1;

    private IReadOnlyList<string?>? _roleNames;
    private nint _managesDescendantsRule;

    private void Search(
        nint node, DesktopWindow window, ElementSelector selector, int limit, List<DesktopElement> found, ref int visited, int depth, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (found.Count >= limit)
        {
            return;
        }

        // Asking a container that manages its descendants for anything below it would visit them all.
        if (ManagesDescendants(node) || !Interfaces(node).Contains("Collection") || Matches(node, ManagesDescendantsRule(), count: 1) is not { } managed)
        {
            Collect(node, window, selector, limit, found, ref visited, depth, cancellationToken);
            return;
        }

        if (managed.Count == 0)
        {
            var rule = RoleRule(CollectionRoles.For(selector, RoleNames()));
            var candidates = Matches(node, rule, count: 0);
            Atspi.g_object_unref(rule);
            if (candidates is null)
            {
                Collect(node, window, selector, limit, found, ref visited, depth, cancellationToken);
                return;
            }

            foreach (var candidate in candidates)
            {
                if (found.Count < limit && Candidate(candidate, selector) is { } info)
                {
                    found.Add(new AtspiElement(this, candidate, window, info));
                }
                else
                {
                    Atspi.g_object_unref(candidate);
                }
            }

            return;
        }

        Release(managed);
        foreach (var child in Children(node))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (found.Count >= limit || depth >= 64)
            {
                Atspi.g_object_unref(child);
                continue;
            }

            if (ManagesDescendants(child))
            {
                Visit(child, window, selector, limit, found, ref visited, depth, cancellationToken);
                continue;
            }

            if (Candidate(child, selector) is { } info)
            {
                found.Add(new AtspiElement(this, child, window, info));
                Search(child, window, selector, limit, found, ref visited, depth + 1, cancellationToken);
                continue;
            }

            Search(child, window, selector, limit, found, ref visited, depth + 1, cancellationToken);
            Atspi.g_object_unref(child);
        }
    }

    /// <summary>
    /// The element's properties when the selector matches it, else null. The name and role (and the id when asked)
    /// decide; the rest (extents, states) costs more round trips and is read only for a match.
    /// </summary>
    private ElementInfo? Candidate(nint accessible, ElementSelector selector) =>
        Light(accessible, selector) is { } light && selector.Matches(light) && Info(accessible) is { } info && selector.Matches(info) ? info : null;

    /// <summary>What a selector compares, without the extents and states; null when the element is gone.</summary>
    private static ElementInfo? Light(nint accessible, ElementSelector selector)
    {
        var name = TakeString(Atspi.atspi_accessible_get_name(accessible, out var error));
        if (TakeError(error) is not null)
        {
            return null;
        }

        var role = TakeString(Atspi.atspi_accessible_get_role_name(accessible, out error));
        _ = TakeError(error);
        var id = "";
        if (selector.Id is not null)
        {
            id = TakeString(Atspi.atspi_accessible_get_accessible_id(accessible, out error));
            _ = TakeError(error);
        }

        return new ElementInfo(name, AtspiRoles.ToControlType(role), role, id, "", default, ElementStates.None);
    }

    private static bool ManagesDescendants(nint accessible)
    {
        var set = Atspi.atspi_accessible_get_state_set(accessible);
        if (set == 0)
        {
            return false;
        }

        try
        {
            var array = Atspi.atspi_state_set_get_states(set);
            if (array == 0)
            {
                return false;
            }

            var head = (GArray*)array;
            var result = false;
            for (var i = 0; i < head->Length; i++)
            {
                result |= ((int*)head->Data)[i] == (int)AtspiState.ManagesDescendants;
            }

            Atspi.g_array_free(array, 1);
            return result;
        }
        finally
        {
            Atspi.g_object_unref(set);
        }
    }

    /// <summary>The matches below <paramref name="node"/> in document order (count 0: all), or null when the call failed.</summary>
    private static List<nint>? Matches(nint node, nint rule, int count)
    {
        var array = Atspi.atspi_collection_get_matches(node, rule, SortCanonical, count, 1, out var error);
        if (TakeError(error) is not null)
        {
            if (array != 0)
            {
                Release(ToList(array));
            }

            return null;
        }

        return array == 0 ? [] : ToList(array);
    }

    private static List<nint> ToList(nint array)
    {
        var head = (GArray*)array;
        var result = new List<nint>((int)head->Length);
        for (var i = 0; i < head->Length; i++)
        {
            if (((nint*)head->Data)[i] is var accessible and not 0)
            {
                result.Add(accessible);
            }
        }

        Atspi.g_array_free(array, 1);
        return result;
    }

    private static void Release(List<nint> accessibles)
    {
        foreach (var accessible in accessibles)
        {
            Atspi.g_object_unref(accessible);
        }
    }

    /// <summary>A rule for elements with one of the roles (null: any role); the caller unrefs it.</summary>
    private static nint RoleRule(IReadOnlyList<int>? roles)
    {
        nint array = 0;
        if (roles is not null)
        {
            array = Atspi.g_array_new(0, 0, sizeof(int));
            foreach (var role in roles)
            {
                var value = role;
                Atspi.g_array_append_vals(array, &value, 1);
            }
        }

        // The rule copies the roles into its bit field and keeps no reference to the array.
        var rule = Atspi.atspi_match_rule_new(0, (int)CollectionMatch.All, 0, (int)CollectionMatch.All, array, (int)CollectionMatch.Any, 0, (int)CollectionMatch.All, 0);
        if (array != 0)
        {
            Atspi.g_array_free(array, 1);
        }

        return rule;
    }

    /// <summary>The rule for "an element that manages its descendants", made once.</summary>
    private nint ManagesDescendantsRule()
    {
        if (_managesDescendantsRule == 0)
        {
            var states = Atspi.atspi_state_set_new(0);
            Atspi.atspi_state_set_add(states, (int)AtspiState.ManagesDescendants);
            _managesDescendantsRule = Atspi.atspi_match_rule_new(states, (int)CollectionMatch.All, 0, (int)CollectionMatch.All, 0, (int)CollectionMatch.Any, 0, (int)CollectionMatch.All, 0);
            Atspi.g_object_unref(states);
        }

        return _managesDescendantsRule;
    }

    /// <summary>libatspi's role names by number, read once.</summary>
    private IReadOnlyList<string?> RoleNames()
    {
        if (_roleNames is null)
        {
            // Past the rule's 128 bits too, so a type with such a role is known not to be narrowable.
            var names = new string?[2 * CollectionRoles.RuleLimit];
            for (var role = 0; role < names.Length; role++)
            {
                var text = Atspi.atspi_role_get_name(role);
                names[role] = text == 0 ? null : TakeString(text);
            }

            _roleNames = names;
        }

        return _roleNames;
    }
}
