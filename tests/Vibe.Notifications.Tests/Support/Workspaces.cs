using System.Globalization;
using Vibe.TestSupport;

namespace Vibe.Notifications.Tests.Support;

/// <summary>Robots and .env lines the notification tests share.</summary>
public static class Workspaces
{
    public const string HostName = "RPA-01";

    /// <summary>A shell robot whose second step fails: a program that complains on stderr and exits with 3.</summary>
    public static string FailingRobot(string name = "invoice-download", int maxAttempts = 1, string retryDelay = "00:00:30", string notify = "[]") => $$"""
        {
          "name": "{{name}}",
          "executor": "shell",
          "schedule": { "cron": "0 0 6 * * ?", "timeZone": "Europe/Paris" },
          "retry": { "maxAttempts": {{maxAttempts}}, "delay": "{{retryDelay}}", "backoffFactor": 2, "maxDelay": "00:10:00", "jitter": false },
          "notify": {{notify}},
          "steps": [
            { "action": "log", "message": "opening the supplier portal" },
            { "action": "run", "name": "download", "program": "sh", "args": ["-c", "echo 'portal says: session expired' >&2; exit 3"] }
          ]
        }
        """;

    /// <summary>.env lines for a plain SMTP server on loopback (no TLS, no login) and one default recipient.</summary>
    public static string[] PlainSmtp(int port, params string[] more) =>
    [
        $"VIBE_HOST_NAME={HostName}",
        "VIBE_SMTP_HOST=127.0.0.1",
        $"VIBE_SMTP_PORT={port.ToString(CultureInfo.InvariantCulture)}",
        "VIBE_SMTP_SECURITY=None",
        "VIBE_SMTP_FROM=vibe <vibe@example.com>",
        "VIBE_NOTIFY_TO=ops@example.com",
        .. more,
    ];

    /// <summary>.env lines for a server that wants STARTTLS and a login, trusted through VIBE_SMTP_CA_FILE.</summary>
    public static string[] SecureSmtp(int port, TestCertificates certificates, string user, string password, params string[] more) =>
    [
        $"VIBE_HOST_NAME={HostName}",
        "VIBE_SMTP_HOST=127.0.0.1",
        $"VIBE_SMTP_PORT={port.ToString(CultureInfo.InvariantCulture)}",
        "VIBE_SMTP_SECURITY=StartTls",
        $"VIBE_SMTP_USER={user}",
        $"VIBE_SMTP_PASSWORD={password}",
        $"VIBE_SMTP_CA_FILE={certificates.CaCertificatePath}",
        "VIBE_SMTP_FROM=vibe@example.com",
        "VIBE_NOTIFY_TO=ops@example.com",
        .. more,
    ];

    public static Task<CliResult> VibeAsync(this TempWorkspace workspace, params string[] args) =>
        VibeProcess.RunAsync(workspace.Directory, args);
}
