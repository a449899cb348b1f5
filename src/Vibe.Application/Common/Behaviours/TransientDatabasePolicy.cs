using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Vibe.Application.Common.Interfaces;

namespace Vibe.Application.Common.Behaviours;

/// <summary>
/// The one retry policy for transient database errors: exponential back-off with jitter, 5 retries
/// (about 0.2 s to 3 s apart). Which exceptions count as transient is the provider's business
/// (<see cref="ITransientErrorDetector"/>).
/// </summary>
public sealed partial class TransientDatabasePolicy
{
    public TransientDatabasePolicy(ITransientErrorDetector detector, TimeProvider time, ILogger<TransientDatabasePolicy> logger)
    {
        Pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 5,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(detector.IsTransient),
                OnRetry = args =>
                {
                    LogRetry(logger, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public ResiliencePipeline Pipeline { get; }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Transient database error, retry {Attempt} in {Delay}: {Error}")]
    private static partial void LogRetry(ILogger logger, int attempt, TimeSpan delay, string? error);
}
