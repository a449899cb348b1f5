using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Vibe.Infrastructure.Logging;

/// <summary>
/// The forms a secret takes on its way through a browser, a trace or a page: JSON string escapes (a Playwright trace
/// records a typed value as JSON), URL encoding (a form's POST body uses + for a space, a query string %20, in upper or
/// lower case hex), HTML escapes (page.html) and Base64 (headers, data: URLs). The masker masks each of them.
/// </summary>
internal static class EncodedForms
{
    // What each encoder leaves as it is, besides letters and digits.
    private const string FormSafe = "*-._";        // application/x-www-form-urlencoded (browsers' form posts)
    private const string ComponentSafe = "!'()*-._~"; // JavaScript's encodeURIComponent
    private const string UriSafe = "-._~";         // RFC 3986 unreserved (Uri.EscapeDataString)

    public static IReadOnlyCollection<string> Of(string secret)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal) { secret };
        forms.Add(JsonStringify(secret));
        forms.Add(JsonEncodedText.Encode(secret).ToString());
        forms.Add(JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString());

        foreach (var (safe, spaceAsPlus) in new[] { (FormSafe, true), (FormSafe, false), (ComponentSafe, false), (UriSafe, false) })
        {
            var encoded = PercentEncode(secret, safe, spaceAsPlus);
            forms.Add(encoded);
            forms.Add(LowerHex(encoded));
        }

        forms.Add(HtmlText(secret, quotes: false));
        forms.Add(HtmlText(secret, quotes: true));
        forms.Add(WebUtility.HtmlEncode(secret));
        forms.Add(HtmlEncoder.Default.Encode(secret));

        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
        forms.Add(base64);
        forms.Add(base64.TrimEnd('='));
        forms.Add(base64.TrimEnd('=').Replace('+', '-').Replace('/', '_'));
        return forms;
    }

    /// <summary>JSON.stringify's escaping (without the quotes): \" \\ and control characters only.</summary>
    private static string JsonStringify(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    private static string PercentEncode(string text, string safe, bool spaceAsPlus)
    {
        var builder = new StringBuilder(text.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || safe.Contains(c, StringComparison.Ordinal)))
            {
                builder.Append(c);
            }
            else if (c == ' ' && spaceAsPlus)
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string LowerHex(string encoded)
    {
        var builder = new StringBuilder(encoded);
        for (var i = 0; i < builder.Length; i++)
        {
            if (builder[i] == '%' && i + 2 < builder.Length)
            {
                builder[i + 1] = char.ToLowerInvariant(builder[i + 1]);
                builder[i + 2] = char.ToLowerInvariant(builder[i + 2]);
            }
        }

        return builder.ToString();
    }

    /// <summary>How a browser serialises text (&amp; &lt; &gt;) and, with quotes, attribute values (also &quot;).</summary>
    private static string HtmlText(string text, bool quotes)
    {
        var escaped = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\u00A0", "&nbsp;", StringComparison.Ordinal);
        escaped = quotes
            ? escaped.Replace("\"", "&quot;", StringComparison.Ordinal)
            : escaped.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        return escaped;
    }
}
