using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Linux;

/// <summary>
/// The roles an AT-SPI Collection match rule asks for, so the application filters its tree itself and answers in one
/// call. A match rule cannot compare names, so the rule narrows by role only and the selector is checked on what
/// comes back; null means the rule cannot narrow (any type, a role vibe does not name, or a role number past what a
/// rule can carry) and every element is a candidate.
/// </summary>
internal static class CollectionRoles
{
    /// <summary>A match rule's role bit field has 128 bits (libatspi warns and drops larger roles).</summary>
    public const int RuleLimit = 128;

    /// <param name="selector">The selector step.</param>
    /// <param name="roleNames">AT-SPI role names by role number (atspi_role_get_name), null where a number has none.</param>
    public static IReadOnlyList<int>? For(ElementSelector selector, IReadOnlyList<string?> roleNames)
    {
        if (selector.Type is ControlType.Unknown or ControlType.Custom)
        {
            return null;
        }

        var roles = new List<int>();
        for (var role = 0; role < roleNames.Count; role++)
        {
            if (roleNames[role] is { Length: > 0 } name && AtspiRoles.ToControlType(name) == selector.Type)
            {
                if (role >= RuleLimit)
                {
                    return null;
                }

                roles.Add(role);
            }
        }

        return roles.Count == 0 ? null : roles;
    }
}
