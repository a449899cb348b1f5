using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Notifications;
using Vibe.Domain.Robots;
using Vibe.Domain.Runs;

namespace Vibe.Notifications.Tests.Support;

/// <summary>Failed runs with their failure mail queued, written the way ExecuteRun writes them.</summary>
public static class OutboxRows
{
    /// <summary>A tiny but real PNG, as an executor's screenshot would be.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static RobotDefinition Robot(string name = "invoice-download") => new()
    {
        Name = name,
        Executor = "shell",
        Steps = [],
        SourceFile = "robots.json",
        DefinitionHash = "0123456789abcdef",
        Notify = new NotifyPolicy(["ops@example.com"], ReplaceDefaults: true),
    };

    /// <summary>Records a failed run (with a screenshot when given) and queues its failure mail; returns the mail's id.</summary>
    public static async Task<long> QueueFailureAsync(InProcessVibe vibe, byte[]? screenshot = null, string robotName = "invoice-download")
    {
        var now = vibe.Get<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var db = vibe.Database();
        var run = TaskRun.Queue(robotName, TriggerKind.Manual, now, 1);
        db.Runs.Add(run);
        await db.SaveChangesAsync();

        run.Start(Workspaces.HostName, now, now.AddMinutes(5), "0123456789abcdef");
        run.Fail(now, "step #2 run (download): 'sh' exited with code 3 (expected 0)", 1, "run");
        string? screenshotPath = null;
        var evidence = vibe.Get<Vibe.Application.Common.Interfaces.IRunFiles>().EvidenceFolder(run.Id);
        if (screenshot is not null)
        {
            screenshotPath = Path.Combine(evidence, "screenshot.png");
            await File.WriteAllBytesAsync(screenshotPath, screenshot);
        }

        run.AttachEvidence(evidence, screenshotPath);
        var mail = vibe.Services.GetRequiredService<IMailComposer>().Compose(NotificationKind.Failure, run, Robot(robotName))!;
        db.OutboxMails.Add(mail);
        await db.SaveChangesAsync();
        return mail.Id;
    }
}
