using System.Collections.Concurrent;
using System.Runtime.Versioning;
using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.Uia;

/// <summary>
/// One long-lived thread in the multithreaded apartment that makes every UI Automation call. UIA clients belong
/// in the MTA (an STA client can deadlock on the events of the very window it automates), and a thread-pool
/// thread could leave the apartment when the pool retires it; a dedicated thread keeps the COM objects'
/// apartment alive for the driver's whole life.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class ComThread : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread _thread;

    public ComThread(string name)
    {
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.SetApartmentState(ApartmentState.MTA);
        _thread.Start();
    }

    public Task<T> InvokeAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            if (cancellationToken.IsCancellationRequested)
            {
                result.TrySetCanceled(cancellationToken);
                return;
            }

            try
            {
                result.TrySetResult(work());
            }
            catch (Exception ex)
            {
                result.TrySetException(ex);
            }
        }, CancellationToken.None);

        // A UIA call cannot be interrupted, but the caller need not wait for a hung application to answer.
        return result.Task.WaitAsync(cancellationToken);
    }

    public Task InvokeAsync(Action work, CancellationToken cancellationToken) =>
        InvokeAsync(() =>
        {
            work();
            return true;
        }, cancellationToken);

    public void Dispose() => _work.CompleteAdding();

    private void Run()
    {
        Ole32.CoInitializeEx(0, Ole32.COINIT_MULTITHREADED);
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }
}
