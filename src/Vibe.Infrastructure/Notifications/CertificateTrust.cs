using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Vibe.Infrastructure.Notifications;

/// <summary>A server certificate is trusted by the system, or its chain ends at one of the extra authorities of a CA file; the name must match either way.</summary>
internal static class CertificateTrust
{
    public static X509Certificate2Collection LoadAuthorities(string caFile)
    {
        var trusted = new X509Certificate2Collection();
        trusted.ImportFromPemFile(caFile);
        return trusted;
    }

    public static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection trusted)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(server);
    }

    /// <summary>An HTTP client for the identity platform and Graph that also trusts the authorities of <paramref name="caFile"/>.</summary>
    public static HttpClient HttpClient(string? caFile, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (caFile is not null)
        {
            var trusted = LoadAuthorities(caFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate, errors, trusted);
        }

        return new HttpClient(handler) { Timeout = timeout };
    }
}
