using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Logging;

namespace Vibe.UnitTests;

public class SecretMaskerTests
{
    private static SecretMasker MaskerFor(Dictionary<string, string> dotEnv) => new(new VibeEnvironment(dotEnv, "/x/.env", _ => null));

    [Fact]
    public void Every_env_file_value_is_masked_but_plain_settings_are_not()
    {
        var masker = MaskerFor(new()
        {
            ["VIBE_SMTP_PASSWORD"] = "mail-pass-123",
            ["PORTAL_TOKEN"] = "tok-abcdef",
            ["VIBE_DB_PROVIDER"] = "postgres",
        });

        Assert.Equal("login with *** and ***, store in postgres", masker.Mask("login with mail-pass-123 and tok-abcdef, store in postgres"));
    }

    [Fact]
    public void The_password_inside_a_connection_string_is_masked_on_its_own()
    {
        var masker = MaskerFor(new() { ["VIBE_DB_CONNECTION"] = "Host=db;Username=vibe;Password=pg-secret-9" });

        Assert.Equal("auth failed for password ***", masker.Mask("auth failed for password pg-secret-9"));
    }

    [Fact]
    public void A_longer_secret_containing_a_shorter_one_is_masked_whole()
    {
        var masker = MaskerFor(new() { ["A"] = "abcd", ["B"] = "abcd-efgh" });

        Assert.Equal("*** ***", masker.Mask("abcd-efgh abcd"));
    }

    [Fact]
    public void Browser_settings_are_shown_but_extra_browser_arguments_are_masked()
    {
        var masker = MaskerFor(new() { ["VIBE_WEB_TIMEZONE"] = "Europe/Paris", ["VIBE_WEB_ARGS"] = "--proxy-server=user:pw@proxy" });

        Assert.Equal("time zone Europe/Paris, args ***", masker.Mask("time zone Europe/Paris, args --proxy-server=user:pw@proxy"));
    }

    // Issue 18 (H1): on db909f4 only the exact text was masked; each encoded form below passed through in clear.
    [Theory]
    [InlineData("\"value\":\"p@ss w0rd&<x>\\\"q\\\"\"", "JSON.stringify, as a Playwright trace records a typed value")]
    [InlineData("{\"value\":\"p@ss w0rd\\u0026\\u003Cx\\u003E\\u0022q\\u0022\"}", "System.Text.Json's default escapes")]
    [InlineData("pw=p%40ss+w0rd%26%3Cx%3E%22q%22&next=1", "a form POST body (+ for a space)")]
    [InlineData("?pw=p%40ss%20w0rd%26%3Cx%3E%22q%22", "a query string (%20 for a space)")]
    [InlineData("?pw=p%40ss%20w0rd%26%3cx%3e%22q%22", "percent-encoding in lower-case hex")]
    [InlineData("<input value=\"p@ss w0rd&amp;<x>&quot;q&quot;\">", "an HTML attribute (page.html)")]
    [InlineData("<p>p@ss w0rd&amp;&lt;x&gt;\"q\"</p>", "HTML text (page.html)")]
    [InlineData("Authorization: Basic cEBzcyB3MHJkJjx4PiJxIg==", "Base64")]
    public void A_secret_is_masked_in_every_encoded_form(string text, string form)
    {
        var masker = MaskerFor(new() { ["PORTAL_PASSWORD"] = "p@ss w0rd&<x>\"q\"" });

        var masked = masker.Mask(text);

        Assert.True(masked.Contains("***", StringComparison.Ordinal), $"{form}: {masked}");
        Assert.DoesNotContain("w0rd", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("cEBzcyB3MHJk", masked, StringComparison.Ordinal);
    }

    // Issue 13 item 4: on db909f4 a value that parsed as a number, a boolean or a date was never masked.
    [Theory]
    [InlineData("48392017")]
    [InlineData("1e10")]
    [InlineData("True")]
    [InlineData("2026-12-01")]
    public void A_secret_of_four_characters_or_more_is_masked_whatever_it_looks_like(string secret)
    {
        var masker = MaskerFor(new() { ["PIN"] = secret });

        Assert.Equal("pin *** entered", masker.Mask($"pin {secret} entered"));
    }

    [Fact]
    public void Every_setting_marked_plain_in_env_example_stays_plain_and_the_others_are_secrets()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, ".env.example")))
        {
            folder = folder.Parent ?? throw new FileNotFoundException(".env.example not found above the test's folder");
        }

        var lines = File.ReadAllLines(Path.Combine(folder.FullName, ".env.example"));
        var settings = lines
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^#?\s*(VIBE_[A-Z0-9_]+)=\S*\s*(\(plain)?"))
            .Where(match => match.Success)
            .Select(match => (Key: match.Groups[1].Value, Plain: match.Groups[2].Success))
            .ToList();

        Assert.NotEmpty(settings);
        Assert.All(settings.Where(setting => setting.Plain), setting => Assert.True(Vibe.Application.Executors.SecretSettings.IsPlain(setting.Key), $"{setting.Key} is marked (plain) in .env.example"));
        Assert.All(
            new[] { "VIBE_DB_CONNECTION", "VIBE_SMTP_PASSWORD", "VIBE_WEB_ARGS" },
            key => Assert.False(Vibe.Application.Executors.SecretSettings.IsPlain(key), $"{key} holds secrets"));
    }
}
