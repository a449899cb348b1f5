using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Vibe.Application.Executors;
using Vibe.Application.Notifications;
using Vibe.Domain.Notifications;
using Vibe.Infrastructure.Persistence;

namespace Vibe.Infrastructure.Notifications;

/// <summary>
/// Delivers the outbox: each due, unsent mail is claimed atomically (its next attempt is pushed past a lease, so no
/// other process sees it as due), sent with a short Polly retry for transient failures, then marked sent, or its
/// failed delivery recorded with a growing back-off. It never throws to its caller: a notifier problem is logged
/// and reported, and never stops a run or the service. See docs/decisions/outbox-claim-and-lease.md.
/// </summary>
public sealed class OutboxDispatcher : IMailOutbox
{
    /// <summary>A claimed mail is nobody else's for this long; longer than any delivery may take (see <see cref="DeliveryTimeLimit"/>).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>One delivery, retries included, is given up after this long, well inside the lease.</summary>
    public static readonly TimeSpan DeliveryTimeLimit = TimeSpan.FromMinutes(2);

    private const int BatchSize = 50;

    private readonly IVibeDbContextFactory _contexts;
    private readonly IMailTransport _sender;
    private readonly OutboxMessageFactory _messages;
    private readonly NotifyOptions _options;
    private readonly ISecretMasker _masker;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly Service.StoreHealth _health;
    private readonly ResiliencePipeline<string> _pipeline;

    public OutboxDispatcher(
        IVibeDbContextFactory contexts,
        IMailTransport sender,
        OutboxMessageFactory messages,
        IOptions<NotifyOptions> options,
        ISecretMasker masker,
        TimeProvider time,
        Service.StoreHealth health,
        ILogger<OutboxDispatcher> logger)
    {
        _health = health;
        _contexts = contexts;
        _sender = sender;
        _messages = messages;
        _options = options.Value;
        _masker = masker;
        _time = time;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder<string> { TimeProvider = time }
            .AddTimeout(DeliveryTimeLimit)
            .AddRetry(new RetryStrategyOptions<string>
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldHandle = new PredicateBuilder<string>().Handle<MailDeliveryException>(ex => ex.IsTransient),
                OnRetry = args =>
                {
                    var mailId = args.Context.Properties.GetValue(MailIdKey, 0L);
                    NotificationsLog.MailRetrying(_logger, mailId, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message ?? "");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    private static readonly ResiliencePropertyKey<long> MailIdKey = new("vibe.mail-id");

    /// <summary>Sends every unsent mail that is due (the service's loop). A transient failure ends the pass: the server is down for the others too.</summary>
    public Task<OutboxDispatchReport> DeliverDueAsync(CancellationToken cancellationToken) =>
        DeliverAsync(mail => true, cancellationToken);

    /// <summary>Sends the unsent, due mails about one run (a foreground `vibe run-now` that no service may follow up).</summary>
    public Task<OutboxDispatchReport> DeliverForRunAsync(long runId, CancellationToken cancellationToken) =>
        DeliverAsync(mail => mail.RunId == runId, cancellationToken);

    private async Task<OutboxDispatchReport> DeliverAsync(Expression<Func<OutboxMail, bool>> filter, CancellationToken cancellationToken)
    {
        var results = new List<MailDeliveryResult>();
        try
        {
            List<long> due;
            await using (var db = _contexts.Create())
            {
                var now = Now();
                due = await db.OutboxMails.AsNoTracking()
                    .Where(mail => mail.SentAt == null && mail.NextAttemptAt <= now)
                    .Where(filter)
                    .OrderBy(mail => mail.Id)
                    .Select(mail => mail.Id)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
            }

            _health.Succeeded();

            foreach (var id in due)
            {
                var result = await DeliverOneAsync(id, cancellationToken);
                if (result is null)
                {
                    continue;
                }

                results.Add(result);
                if (result is { Sent: false, Transient: true })
                {
                    break;
                }
            }

            return new OutboxDispatchReport(results, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new OutboxDispatchReport(results, "stopped");
        }
        catch (Exception ex)
        {
            var error = _masker.Mask(ex.GetBaseException().Message);

            // A store that is away is one line per outage (StoreHealth); anything else is a fault worth its details.
            if (!_health.Failed("the outbox", ex))
            {
                NotificationsLog.OutboxUnavailable(_logger, ex, error);
            }
            return new OutboxDispatchReport(results, $"the outbox could not be read or updated: {error}");
        }
    }

    /// <summary>Null when another process claimed the mail first.</summary>
    private async Task<MailDeliveryResult?> DeliverOneAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = _contexts.Create();
        var now = Now();
        var leaseEnd = now + Lease;

        // The claim: one UPDATE that only matches while the mail is unsent and due. Whoever changes the row first
        // owns it until the lease ends; everyone else matches nothing.
        var claimed = await db.OutboxMails
            .Where(mail => mail.Id == id && mail.SentAt == null && mail.NextAttemptAt <= now)
            .ExecuteUpdateAsync(setters => setters.SetProperty(mail => mail.NextAttemptAt, leaseEnd), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        var mail = await db.OutboxMails.SingleAsync(row => row.Id == id, cancellationToken);
        try
        {
            var message = await _messages.CreateAsync(mail, cancellationToken);
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(MailIdKey, id);
            string answer;
            try
            {
                answer = await _pipeline.ExecuteAsync(async ctx => await _sender.SendAsync(message, null, ctx.CancellationToken), context);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            mail.MarkSent(Now());
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (Exception ex)
            {
                NotificationsLog.MarkSentFailed(_logger, ex, id);
            }

            NotificationsLog.MailSent(_logger, id, mail.Kind, mail.RunId, mail.Recipients, answer);
            return MailDeliveryResult.From(mail, sent: true, answer, error: null, transient: false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the lease runs out and the next pass (here or elsewhere) sends it.
            throw;
        }
        catch (Exception ex)
        {
            var transient = ex is MailDeliveryException { IsTransient: true } or TimeoutRejectedException;
            var error = _masker.Mask(ex switch
            {
                MailDeliveryException delivery => delivery.Message,
                TimeoutRejectedException => $"gave up after {DeliveryTimeLimit.TotalMinutes:0} minutes",
                _ => $"{ex.GetType().Name}: {ex.Message}",
            });
            var failedAt = Now();
            var next = failedAt + _options.BackoffAfter(mail.Attempts + 1);
            mail.RecordFailedAttempt(failedAt, error, next);
            await db.SaveChangesAsync(CancellationToken.None);
            NotificationsLog.MailFailed(_logger, id, mail.Kind, mail.RunId, mail.Attempts, next, error);
            return MailDeliveryResult.From(mail, sent: false, answer: null, error, transient);
        }
    }

    private DateTime Now() => _time.GetUtcNow().UtcDateTime;
}
