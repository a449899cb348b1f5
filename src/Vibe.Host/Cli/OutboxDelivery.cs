using Mediator;
using Vibe.Application.Notifications;
using Vibe.Application.Notifications.SendQueuedMails;

namespace Vibe.Host.Cli;

/// <summary>
/// A foreground run (`vibe run-now`, `vibe rerun`) sends the mails it queued itself before the CLI exits, since no
/// service may be running to send them. A mail that cannot be sent stays queued, and the user is told so; it never
/// changes the command's exit code, which is the run's.
/// </summary>
internal static class OutboxDelivery
{
    public static async Task SendQueuedMailsAsync(IMediator mediator, long runId, CancellationToken cancellationToken)
    {
        OutboxDispatchReport report;
        try
        {
            report = await mediator.Send(new SendQueuedMails(runId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The dispatcher itself never throws; this is its construction failing on unreadable settings.
            Console.Error.WriteLine($"vibe: the mails of run {runId} could not be sent: {ex.Message}; they stay queued");
            return;
        }

        foreach (var mail in report.Sent)
        {
            Console.Out.WriteLine($"{mail.Kind} mail sent to {mail.Recipients}");
        }

        foreach (var mail in report.Failed)
        {
            Console.Error.WriteLine($"vibe: the {mail.Kind} mail to {mail.Recipients} could not be sent: {mail.Error}");
            Console.Error.WriteLine("  it stays queued: the service sends it when it runs, or send it with `vibe notify send` (see `vibe notify queue`)");
        }

        if (report.Error is { } error)
        {
            Console.Error.WriteLine($"vibe: the mails of run {runId} could not be sent: {error}; they stay queued");
        }
    }
}
