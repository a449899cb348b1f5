using Polly;
using Polly.Retry;

namespace Vibe.Infrastructure.Service;

/// <summary>
/// How the service's parts keep trying something that must not be given up while the store (or another server) is
/// away: every failure is reported, and the next try follows after a back-off that doubles from a quarter of a second
/// up to a ceiling, with jitter so that hosts sharing a store do not knock at the same moment. Only the caller's
/// cancellation (the service stopping) ends it.
/// </summary>
internal static class ServiceRetry
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);

    public static ResiliencePipeline UntilDone(TimeProvider time, TimeSpan ceiling, Action<Exception> onFailure) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = ceiling < FirstDelay ? ceiling : FirstDelay,
                MaxDelay = ceiling,
                UseJitter = true,

                // A driver's own timeout is a failure like any other; only the service stopping ends the tries.
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception
                    && !(exception is OperationCanceledException && args.Context.CancellationToken.IsCancellationRequested)),
                OnRetry = args =>
                {
                    onFailure(args.Outcome.Exception!);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
