namespace Vibe.Infrastructure.Notifications.Microsoft365;

/// <summary>An app-only token of the Microsoft identity platform. <see cref="ToString"/> never shows the token itself.</summary>
public sealed record MailAccessToken(string Value, DateTimeOffset ExpiresOn, IReadOnlyList<string> Scopes, bool FromCache)
{
    public override string ToString() =>
        $"{(FromCache ? "reused from the cache" : "obtained")}, expires {ExpiresOn.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, scopes {string.Join(" ", Scopes)}";
}
