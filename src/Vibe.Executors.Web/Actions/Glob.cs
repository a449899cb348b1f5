using System.Text;
using System.Text.RegularExpressions;

namespace Vibe.Executors.Web.Actions;

/// <summary>URL globs as Playwright reads them: ** any characters, * any except '/', everything else literal.</summary>
internal static class Glob
{
    public static bool Matches(string text, string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                pattern.Append(".*");
                i++;
            }
            else
            {
                pattern.Append(c switch
                {
                    '*' => "[^/]*",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return Regex.IsMatch(text, pattern.Append('$').ToString(), RegexOptions.None, TimeSpan.FromSeconds(1));
    }
}
