using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Vibe.Notifications.Tests.Support;

/// <summary>
/// A throwaway certificate authority and a server certificate it signed for 127.0.0.1 and localhost, written as PEM
/// files: the server's for aiosmtpd, the authority's for VIBE_SMTP_CA_FILE (as an internal company CA would be).
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    public string CaCertificatePath => Path.Combine(Folder, "ca.pem");

    public string ServerCertificatePath => Path.Combine(Folder, "server.pem");

    public string ServerKeyPath => Path.Combine(Folder, "server.key");

    public static TestCertificates Create()
    {
        var folder = Directory.CreateTempSubdirectory("vibe-certs-").FullName;
        var now = DateTimeOffset.UtcNow;

        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=vibe test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var server = serverRequest.Create(ca, now.AddDays(-1), now.AddDays(30), RandomNumberGenerator.GetBytes(16));

        var certificates = new TestCertificates(folder);
        File.WriteAllText(certificates.CaCertificatePath, ca.ExportCertificatePem());
        File.WriteAllText(certificates.ServerCertificatePath, server.ExportCertificatePem());
        File.WriteAllText(certificates.ServerKeyPath, serverKey.ExportPkcs8PrivateKeyPem());
        return certificates;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder; the OS cleans it.
        }
    }
}
