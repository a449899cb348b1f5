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
}
