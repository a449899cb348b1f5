using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cocona;
using Vibe.Application.Common.Errors;
using Vibe.Application.Notifications.ListOutbox;
using Vibe.Application.Notifications.SendQueuedMails;
using Vibe.Application.Notifications.SendTestMail;
using Vibe.Host.Output;

namespace Vibe.Host.Cli;

/// <summary>`vibe notify test|send|queue`: check the mail settings, and look after the outbox without a service.</summary>
[ReportErrors]
internal sealed class NotifyCommands(CommandSession session)
{
    [Command("test", Description = "Send a test mail with the mail settings in .env and print each stage: token, server answers, delivery")]
    public async Task<int> Test([Option("to", Description = "Recipients, comma-separated (default: VIBE_NOTIFY_TO)")] string? to = null)
    {
        var (scope, mediator) = session.OpenWithoutStore();
        await using (scope)
        {
            var report = await mediator.Send(new SendTestMail(to), session.Cancellation);
            Console.Out.WriteLine($"test mail to {string.Join(", ", report.Recipients)} through {report.Route}");
            var stages = report.Delivered ? Console.Out : Console.Error;
            foreach (var stage in report.Stages)
            {
                stages.WriteLine($"  {stage}");
            }

            if (report.Error is { } error)
            {
                throw new VibeException(VibeErrorKind.Unavailable, error);
            }

            Console.Out.WriteLine($"the server accepted the mail: {report.Answer}");
            return ExitCodes.Success;
        }
    }

    [Command("send", Description = "Send the queued mails that are due now (the service does this by itself)")]
    public async Task<int> Send()
    {
        var (scope, mediator) = await session.OpenAsync();
        await using (scope)
        {
            var report = await mediator.Send(new SendQueuedMails(), session.Cancellation);
            if (report.Error is { } error)
            {
                throw new VibeException(VibeErrorKind.Unavailable, error);
            }

            foreach (var mail in report.Sent)
            {
                Console.Out.WriteLine($"sent mail {mail.MailId} ({mail.Kind} of run {mail.RunId}) to {mail.Recipients}: {mail.ServerAnswer}");
            }

            foreach (var mail in report.Failed)
            {
                Console.Error.WriteLine($"not sent: mail {mail.MailId} ({mail.Kind} of run {mail.RunId}) to {mail.Recipients}: {mail.Error}; next try after {RunFormatting.Time(mail.NextAttemptAt)}");
            }

            var failed = report.Failed.Count();
            if (failed > 0)
            {
                throw new VibeException(VibeErrorKind.Unavailable, $"{failed} mail(s) could not be sent; they stay queued");
            }

            if (report.Deliveries.Count == 0)
            {
                Console.Out.WriteLine("no mail is due (`vibe notify queue` lists the queued ones)");
            }

            return ExitCodes.Success;
        }
    }

    [Command("queue", Description = "List the mails waiting to be sent, with their attempts and last error")]
    public async Task<int> Queue(
        [Option("all", Description = "Include sent mails")] bool all = false,
        [Option("limit", Description = "How many mails to list (1 to 10000)")][Range(1, 10_000, ErrorMessage = "--limit must be between 1 and 10000")] int limit = 50,
        [Option("json", Description = "Print JSON for scripts")] bool json = false)
    {
        if (await session.OpenExistingAsync() is not var (scope, mediator))
        {
            Console.Out.WriteLine(json ? "[]" : session.NoStoreYet);
            return ExitCodes.Success;
        }

        await using (scope)
        {
            var mails = await mediator.Send(new ListOutbox(all, limit), session.Cancellation);
            if (json)
            {
                JsonOutput.Write(mails.Select(mail => new
                {
                    id = mail.Id,
                    runId = mail.RunId,
                    kind = mail.Kind,
                    recipients = mail.Recipients,
                    subject = mail.Subject,
                    messageId = mail.MessageId,
                    createdAt = mail.CreatedAt,
                    attempts = mail.Attempts,
                    nextAttemptAt = mail.NextAttemptAt,
                    sentAt = mail.SentAt,
                    lastError = mail.LastError,
                }));
                return ExitCodes.Success;
            }

            if (mails.Count == 0)
            {
                Console.Out.WriteLine(all ? "no mails yet" : "no mail is waiting to be sent");
                return ExitCodes.Success;
            }

            Table.Write(
                Console.Out,
                ["ID", "RUN", "KIND", "TO", "ATTEMPTS", "STATE", "LAST ERROR"],
                mails.Select(mail => (IReadOnlyList<string>)
                [
                    mail.Id.ToString(CultureInfo.InvariantCulture), mail.RunId.ToString(CultureInfo.InvariantCulture), mail.Kind, mail.Recipients,
                    mail.Attempts.ToString(CultureInfo.InvariantCulture),
                    mail.SentAt is { } sent ? $"sent {RunFormatting.Time(sent)}" : $"next try {RunFormatting.Time(mail.NextAttemptAt)}",
                    mail.LastError ?? "",
                ]));
            return ExitCodes.Success;
        }
    }
}
