using Vibe.Application.Common.TimeZones;

namespace Vibe.UnitTests;

/// <summary>
/// The IANA → Windows time zone table vibe ships for Windows without ICU (Windows Server 2016, Wine) must say what
/// ICU says: checked here on Linux, where .NET converts through ICU. The Wine tests check that `validate` then
/// accepts Europe/Paris under Windows without ICU.
/// </summary>
public sealed class TimeZoneIdsTests
{
    [Fact]
    public void The_shipped_table_maps_the_common_zones()
    {
        Assert.Equal("Romance Standard Time", TimeZoneIds.WindowsIds["Europe/Paris"]);
        Assert.Equal("Eastern Standard Time", TimeZoneIds.WindowsIds["America/New_York"]);
        Assert.Equal("Tokyo Standard Time", TimeZoneIds.WindowsIds["Asia/Tokyo"]);
        Assert.Equal("UTC", TimeZoneIds.WindowsIds["Etc/UTC"]);
    }

    [Fact]
    public void Every_entry_agrees_with_ICU_and_no_IANA_zone_ICU_maps_is_missing()
    {
        var disagreements = TimeZoneIds.WindowsIds
            .Where(pair => !TimeZoneInfo.TryConvertIanaIdToWindowsId(pair.Key, out var windows) || windows != pair.Value)
            .Select(pair => pair.Key)
            .ToList();
        var missing = TimeZoneInfo.GetSystemTimeZones()
            .Where(zone => TimeZoneInfo.TryConvertIanaIdToWindowsId(zone.Id, out _) && !TimeZoneIds.WindowsIds.ContainsKey(zone.Id))
            .Select(zone => zone.Id)
            .ToList();

        Assert.True(disagreements.Count == 0 && missing.Count == 0,
            $"regenerate src/Vibe.Application/Common/TimeZones/WindowsZones.tsv; differs for {string.Join(", ", disagreements)}; missing {string.Join(", ", missing)}");
    }

    [Theory]
    [InlineData("Europe/Paris")]
    [InlineData("Romance Standard Time")]
    [InlineData("UTC")]
    public void Known_ids_resolve(string id) => Assert.True(TimeZoneIds.TryFind(id, out _));

    [Fact]
    public void An_unknown_id_does_not_resolve() => Assert.False(TimeZoneIds.TryFind("Mars/Olympus_Mons", out _));
}
