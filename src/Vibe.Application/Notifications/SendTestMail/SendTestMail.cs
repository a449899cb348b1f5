using Mediator;
using Vibe.Application.Common.Behaviours;
using Vibe.Application.Common.Errors;

namespace Vibe.Application.Notifications.SendTestMail;

/// <summary>
/// `vibe notify test`: sends a test mail with the mail settings in .env to <see cref="To"/> (comma- or
/// semicolon-separated; default VIBE_NOTIFY_TO) and answers with what the server said, so that an administrator can
/// fix the settings from that answer alone. Bad settings or recipients are <see cref="VibeErrorKind.Invalid"/>.
/// </summary>
public sealed record SendTestMail(string? To = null) : ICommand<TestMailReport>, INotReplayable;

/// <summary>
/// How the test went: where it was sent (<see cref="Route"/>: server or service, and account), each stage on the way
/// ("token: obtained …", "server: 235 …"; masked), and the final answer, or the <see cref="Error"/> that stopped it.
/// </summary>
public sealed record TestMailReport(IReadOnlyList<string> Recipients, string Route, IReadOnlyList<string> Stages, string? Answer, string? Error)
{
    public bool Delivered => Error is null;
}

/// <summary>The mail transport as the test mail sees it.</summary>
public interface ITestMailSender
{
    /// <summary>Each problem with the mail settings, one line each; empty when they are usable.</summary>
    IReadOnlyList<string> SettingsProblems();

    /// <summary>The recipients VIBE_NOTIFY_TO names.</summary>
    IReadOnlyList<string> DefaultRecipients { get; }

    /// <summary>Whether <paramref name="text"/> is one mail address with a domain.</summary>
    bool IsMailAddress(string text);

    /// <summary>Sends the test mail; never throws for a delivery problem (the report's error says it).</summary>
    Task<TestMailReport> SendAsync(IReadOnlyList<string> recipients, CancellationToken cancellationToken);
}

public sealed class SendTestMailHandler(ITestMailSender sender) : ICommandHandler<SendTestMail, TestMailReport>
{
    public async ValueTask<TestMailReport> Handle(SendTestMail command, CancellationToken cancellationToken)
    {
        var problems = sender.SettingsProblems();
        if (problems.Count > 0)
        {
            throw VibeException.Invalid(problems.Count == 1 ? problems[0] : "the mail settings in .env have problems", problems.Count == 1 ? [] : problems);
        }

        IReadOnlyList<string> recipients = command.To is { } to
            ? to.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : sender.DefaultRecipients;
        if (recipients.Count == 0)
        {
            throw VibeException.Invalid("no recipient: pass --to address, or set VIBE_NOTIFY_TO in .env");
        }

        if (recipients.FirstOrDefault(recipient => !sender.IsMailAddress(recipient)) is { } wrong)
        {
            throw VibeException.Invalid($"'{wrong}' is not an e-mail address");
        }

        return await sender.SendAsync(recipients, cancellationToken);
    }
}
