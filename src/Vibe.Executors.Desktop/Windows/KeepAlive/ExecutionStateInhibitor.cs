using System.Runtime.Versioning;
using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.KeepAlive;

/// <summary>
/// Keeps the display on and the system awake while it lives. SetThreadExecutionState belongs to the calling
/// thread and lapses when that thread ends, and async code hops threads, so a thread of its own sets
/// ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED, waits, and clears it with ES_CONTINUOUS alone.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class ExecutionStateInhibitor : IAsyncDisposable
{
    private readonly ManualResetEventSlim _stop = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ExecutionStateInhibitor()
    {
        var thread = new Thread(Hold) { IsBackground = true, Name = "vibe keep-alive (execution state)" };
        thread.Start();
    }

    public static async Task<ExecutionStateInhibitor> StartAsync(CancellationToken cancellationToken)
    {
        var inhibitor = new ExecutionStateInhibitor();
        await inhibitor._started.Task.WaitAsync(cancellationToken);
        return inhibitor;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Set();
        await _stopped.Task;
        _stop.Dispose();
    }

    private void Hold()
    {
        try
        {
            var previous = Kernel32.SetThreadExecutionState(Kernel32.ES_CONTINUOUS | Kernel32.ES_DISPLAY_REQUIRED | Kernel32.ES_SYSTEM_REQUIRED);
            if (previous == 0)
            {
                _started.SetException(new Driver.DesktopDriverException("Windows refused SetThreadExecutionState: the keep-alive cannot hold the display on"));
                return;
            }

            _started.SetResult();
            _stop.Wait();
        }
        finally
        {
            Kernel32.SetThreadExecutionState(Kernel32.ES_CONTINUOUS);
            _stopped.TrySetResult();
        }
    }
}
