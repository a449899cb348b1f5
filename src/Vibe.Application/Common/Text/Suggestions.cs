namespace Vibe.Application.Common.Text;

/// <summary>"did you mean ...?": the known name closest to what was typed, for every message that offers one.</summary>
public static class Suggestions
{
    /// <summary>The known name at most two edits away from <paramref name="typed"/> (ignoring case), or null.</summary>
    public static string? Closest(string typed, IEnumerable<string> known) =>
        known.Select(name => (Name: name, Distance: Levenshtein(typed.ToLowerInvariant(), name.ToLowerInvariant())))
            .Where(candidate => candidate.Distance <= 2)
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Name)
            .FirstOrDefault();

    /// <summary>" (did you mean 'x'?)" or "".</summary>
    public static string DidYouMean(string typed, IEnumerable<string> known) =>
        Closest(typed, known) is { } suggestion ? $" (did you mean '{suggestion}'?)" : "";

    private static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
