namespace Vibe.Infrastructure.Notifications.Microsoft365;

/// <summary>The first line of a remote end's answer, cut to a length an error message can carry.</summary>
internal static class AnswerText
{
    private const int Longest = 300;

    public static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > Longest ? line[..Longest] + "…" : line;
    }
}
