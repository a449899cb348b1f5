using Vibe.Application.Runs.StoreRunEvidence;

namespace Vibe.UnitTests;

/// <summary>
/// The log line that tells every host where an evidence file left out of the store is: what the copy writes, the run's
/// file list must read back, whatever the file's name or the reason it was left out.
/// </summary>
public class KeptOnHostLineTests
{
    [Theory]
    [InlineData("host-a", "evidence/trace.zip", "the run's evidence is over VIBE_EVIDENCE_STORE_MB=20")]
    [InlineData("robot host 2", "evidence/sub folder/page (1).html", "could not be read: Access to the path '/x (y)' is denied.")]
    public void Format_then_Parse_gives_back_the_host_and_the_file(string host, string name, string why)
    {
        var line = KeptOnHostLine.Format(host, name, 2_400_000, why);

        Assert.StartsWith(KeptOnHostLine.Prefix, line, StringComparison.Ordinal);
        Assert.Equal((host, name), KeptOnHostLine.Parse(line));
    }

    [Theory]
    [InlineData("evidence stored for every host sharing the store: 5 file(s), 26.9 KB")]
    [InlineData("kept only on the shelf")]
    public void Parse_of_another_line_is_null(string message) => Assert.Null(KeptOnHostLine.Parse(message));

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(11_619, "11.3 KB")]
    [InlineData(25 * 1024 * 1024, "25 MB")]
    public void Size_is_written_for_people(long bytes, string expected) => Assert.Equal(expected, KeptOnHostLine.Size(bytes));
}
