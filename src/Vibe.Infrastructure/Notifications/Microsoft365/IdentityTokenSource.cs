using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Vibe.Application.Executors;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Notifications.Microsoft365;

/// <summary>
/// App-only tokens of the Microsoft identity platform for the app registration in VIBE_OAUTH_* (MSAL's
/// client-credentials flow, with a client secret or a certificate). MSAL keeps each token in its in-memory cache and
/// hands it out again until shortly before it expires; <c>forceRefresh</c> asks for a new one when the other end
/// refused a cached token. Every token is added to the secret masker the moment it exists.
/// </summary>
public sealed class IdentityTokenSource : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private readonly IOptions<OAuthOptions> _options;
    private readonly VibeLocations _locations;
    private readonly ISecretMasker _masker;
    private readonly Lazy<(IConfidentialClientApplication App, HttpClient Http)> _client;

    public IdentityTokenSource(IOptions<OAuthOptions> options, VibeLocations locations, ISecretMasker masker)
    {
        _options = options;
        _locations = locations;
        _masker = masker;
        _client = new Lazy<(IConfidentialClientApplication, HttpClient)>(Build);
    }

    /// <summary>The authority tokens come from: host and tenant, for messages.</summary>
    public string Authority => $"{AuthorityHost.TrimEnd('/')}/{_options.Value.TenantId?.Trim()}";

    private string AuthorityHost => string.IsNullOrWhiteSpace(_options.Value.AuthorityHost) ? OAuthOptions.PublicCloud : _options.Value.AuthorityHost.Trim();

    /// <summary>The client id, for messages (it names the app registration; it is no secret).</summary>
    public string ClientId => _options.Value.ClientId?.Trim() ?? "";

    /// <summary>VIBE_OAUTH_SCOPE, or <paramref name="fallback"/> (the scope of the service the token is for).</summary>
    public string ScopeOr(string fallback) => string.IsNullOrWhiteSpace(_options.Value.Scope) ? fallback : _options.Value.Scope.Trim();

    public async Task<MailAccessToken> GetAsync(string scope, bool forceRefresh, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _client.Value.App.AcquireTokenForClient([scope])
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken);
            _masker.AddSecret(result.AccessToken);
            return new MailAccessToken(
                result.AccessToken,
                result.ExpiresOn,
                result.Scopes.ToList(),
                result.AuthenticationResultMetadata?.TokenSource == TokenSource.Cache);
        }
        catch (MsalServiceException ex)
        {
            throw IdentityErrors.Describe(ex, Authority, ClientId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is MsalException or HttpRequestException or OperationCanceledException or TimeoutException)
        {
            throw IdentityErrors.Describe(ex, Authority);
        }
    }

    /// <summary>VIBE_OAUTH_CA_FILE as a full path: the authorities trusted for the identity platform and Graph besides the system's.</summary>
    internal string? CaFile =>
        string.IsNullOrWhiteSpace(_options.Value.CaFile) ? null : Path.GetFullPath(_options.Value.CaFile.Trim(), _locations.ConfigDirectory);

    private (IConfidentialClientApplication, HttpClient) Build()
    {
        var options = _options.Value;
        var http = CertificateTrust.HttpClient(CaFile, RequestTimeout);
        var builder = ConfidentialClientApplicationBuilder.Create(ClientId)
            .WithAuthority(Authority, validateAuthority: false)

            // The authority is used as configured (national clouds, a proxy): no discovery call to the public cloud.
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new FixedHttpClientFactory(http));
        builder = string.IsNullOrWhiteSpace(options.Certificate)
            ? builder.WithClientSecret(options.ClientSecret ?? "")
            : builder.WithCertificate(
                OAuthCertificate.Load(Path.GetFullPath(options.Certificate.Trim(), _locations.ConfigDirectory), options.CertificatePassword),
                sendX5C: true);
        return (builder.Build(), http);
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Http.Dispose();
        }
    }

    private sealed class FixedHttpClientFactory(HttpClient client) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => client;
    }
}
