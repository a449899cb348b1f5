using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Vibe.Infrastructure.Notifications.Microsoft365;

/// <summary>Loads VIBE_OAUTH_CERTIFICATE: a PKCS#12 file (.pfx, .p12), or a PEM file holding the certificate and its private key.</summary>
internal static class OAuthCertificate
{
    public static X509Certificate2 Load(string path, string? password)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".pem" or ".crt" or ".cer")
        {
            return string.IsNullOrEmpty(password)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
    }

    /// <summary>Why the certificate cannot be used, or null.</summary>
    public static string? Problem(string path, string? password, DateTimeOffset now)
    {
        if (!File.Exists(path))
        {
            return "the file does not exist";
        }

        try
        {
            using var certificate = Load(path, password);
            if (!certificate.HasPrivateKey)
            {
                return "the file holds no private key (the app signs its token requests with it)";
            }

            return certificate.NotAfter.ToUniversalTime() < now.UtcDateTime
                ? $"the certificate expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}"
                : null;
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return $"cannot be read{(string.IsNullOrEmpty(password) ? "" : " with VIBE_OAUTH_CERTIFICATE_PASSWORD")}: {ex.Message.Split('\n', 2)[0].Trim()}";
        }
    }
}
