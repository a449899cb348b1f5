using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Executor;

/// <summary>
/// For a selector that found nothing: the names in the window closest to the name it asked for ("Dont Save" →
/// "Don't Save"), so the step's error shows what to write instead of sending the operator to element-tree.txt.
/// </summary>
internal static class NearestNames
{
    public static IReadOnlyList<string> For(string wanted, ElementNode tree, int count = 3)
    {
        var target = TextMatch.Fold(wanted).Trim().ToLowerInvariant();
        if (target.Length == 0)
        {
            return [];
        }

        var allowed = Math.Max(2, target.Length / 2);
        return Flatten(tree)
            .Select(node => node.Info.Name.Trim())
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, Folded: TextMatch.Fold(name).ToLowerInvariant()))
            .Select(candidate => (candidate.Name, Distance: Distance(target, candidate.Folded), Contains: candidate.Folded.Contains(target, StringComparison.Ordinal)))

            // A name that holds the whole wanted name ("Discard" in "Discard changes") is what a toolkit's longer label
            // looks like, however long the rest is: always worth showing.
            .Where(candidate => candidate.Distance <= allowed || candidate.Contains)
            .OrderBy(candidate => candidate.Distance)
            .ThenBy(candidate => candidate.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(candidate => candidate.Name)
            .ToList();
    }

    /// <summary>Levenshtein distance, with a contained name counting as close as the letters it lacks.</summary>
    internal static int Distance(string a, string b)
    {
        if (a.Length > 0 && b.Contains(a, StringComparison.Ordinal))
        {
            return b.Length - a.Length;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static IEnumerable<ElementNode> Flatten(ElementNode node) =>
        node.Children.SelectMany(Flatten).Prepend(node);
}
