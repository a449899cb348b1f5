using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cocona;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Application.Notifications.ListOutbox;
using Vibe.Host.Output;
using Vibe.Infrastructure.Notifications;

namespace Vibe.Host.Cli;

/// <summary>`vibe notify test|send|queue`: check the mail settings, and look after the outbox without a service.</summary>
[ReportErrors]
internal sealed class NotifyCommands
{
    private readonly CommandSession _session;
    private readonly IServiceProvider _services;

    public NotifyCommands(CommandSession session, IServiceProvider services)
    {
        _session = session;
        _services = services;
    }

    [Command("test", Description = "Send a test mail with the SMTP settings in .env and print what the server answered")]
    public async Task<int> Test([Option("to", Description = "Recipients, comma-separated (default: VIBE_NOTIFY_TO)")] string? to = null)
    {
        var problems = _services.GetRequiredService<SmtpOptionsValidator>().CurrentProblems();
        if (problems.Count > 0)
        {
            throw VibeException.Invalid(problems.Count == 1 ? problems[0] : "the mail settings in .env have problems", problems.Count == 1 ? [] : problems);
        }

        var sender = _services.GetRequiredService<SmtpMailSender>();
        var endpoint = Endpoint(sender);
        var recipients = (to ?? string.Join(',', _services.GetRequiredService<IOptions<NotifyOptions>>().Value.DefaultRecipients))
            .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (recipients.Length == 0)
        {
            throw VibeException.Invalid("no recipient: pass --to address, or set VIBE_NOTIFY_TO in .env");
        }

        if (recipients.FirstOrDefault(recipient => !SmtpOptionsValidator.IsMailAddress(recipient)) is { } wrong)
        {
            throw VibeException.Invalid($"'{wrong}' is not an e-mail address");
        }

        var host = _services.GetRequiredService<IHostIdentity>().HostName;
        var now = _services.GetRequiredService<TimeProvider>().GetUtcNow();
        var message = new MimeMessage
        {
            Subject = $"[vibe] test mail from {host}",
            MessageId = $"vibe.test.{Guid.NewGuid():N}@{MessageIdHost(host)}",
            Body = new TextPart("plain")
            {
                Text = $"""
                    This is a test mail from vibe on {host}, sent at {now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC
                    through {endpoint}{(endpoint.User is null ? "" : $" as {endpoint.User}")}.

                    If you can read it, vibe's failure mails will reach you too.
                    """,
            },
        };
        foreach (var recipient in recipients)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        Console.Out.WriteLine($"sending a test mail to {string.Join(", ", recipients)} through {endpoint}{(endpoint.User is null ? "" : $" as {endpoint.User}")}");
        var masker = _services.GetRequiredService<ISecretMasker>();
        using var transcript = new SmtpTranscript();
        string answer;
        try
        {
            answer = await sender.SendAsync(message, transcript, _session.Cancellation);
        }
        catch (MailDeliveryException ex)
        {
            PrintServerLines(transcript, masker, Console.Error);
            throw new VibeException(VibeErrorKind.Unavailable, masker.Mask(ex.Message));
        }

        PrintServerLines(transcript, masker, Console.Out);
        Console.Out.WriteLine($"the server accepted the mail: {masker.Mask(answer)}");
        return ExitCodes.Success;
    }

    [Command("send", Description = "Send the queued mails that are due now (the service does this by itself)")]
    public async Task<int> Send()
    {
        var (scope, _) = await _session.OpenAsync();
        await using (scope)
        {
            var report = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(_session.Cancellation);
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
        if (await _session.OpenExistingAsync() is not var (scope, mediator))
        {
            Console.Out.WriteLine(json ? "[]" : _session.NoStoreYet);
            return ExitCodes.Success;
        }

        await using (scope)
        {
            var mails = await mediator.Send(new ListOutbox(all, limit), _session.Cancellation);
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

    private static SmtpEndpoint Endpoint(SmtpMailSender sender)
    {
        try
        {
            return sender.Endpoint();
        }
        catch (MailDeliveryException ex)
        {
            throw VibeException.Invalid(ex.Message);
        }
    }

    private static void PrintServerLines(SmtpTranscript transcript, ISecretMasker masker, TextWriter writer)
    {
        foreach (var line in transcript.ServerLines())
        {
            writer.WriteLine($"  server: {masker.Mask(line)}");
        }
    }

    private static string MessageIdHost(string host)
    {
        var safe = new string(host.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.').ToArray());
        return safe.Length > 0 ? safe : "vibe";
    }
}
