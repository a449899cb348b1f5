namespace Vibe.Application.Common.TimeZones;

/// <summary>
/// Finds a time zone by IANA id (Europe/Paris) or Windows id (Romance Standard Time) on every system. .NET converts
/// IANA ids to Windows ids on Windows through ICU, which Windows Server 2016, older Windows 10 and Wine do not have;
/// there the CLDR windowsZones mapping shipped with vibe (WindowsZones.tsv) does the conversion instead. Robots'
/// schedules and the web executor's browser time zone are both resolved here.
/// </summary>
public static class TimeZoneIds
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> IanaToWindows = new(Load);

    /// <summary>The IANA → Windows mapping vibe ships, for tests and the fallback.</summary>
    public static IReadOnlyDictionary<string, string> WindowsIds => IanaToWindows.Value;

    /// <summary>The zone named <paramref name="id"/> (IANA or Windows id); false, with UTC, when the system knows no such zone.</summary>
    public static bool TryFind(string id, out TimeZoneInfo zone)
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found))
        {
            zone = found;
            return true;
        }

        if (OperatingSystem.IsWindows() && WindowsIds.TryGetValue(id, out var windowsId) && TimeZoneInfo.TryFindSystemTimeZoneById(windowsId, out found))
        {
            zone = found;
            return true;
        }

        zone = TimeZoneInfo.Utc;
        return false;
    }

    private static Dictionary<string, string> Load()
    {
        using var stream = typeof(TimeZoneIds).Assembly.GetManifestResourceStream("Vibe.Application.Common.TimeZones.WindowsZones.tsv")
            ?? throw new InvalidOperationException("the time zone mapping WindowsZones.tsv is missing from Vibe.Application");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            map[line[..tab]] = line[(tab + 1)..];
        }

        return map;
    }
}
