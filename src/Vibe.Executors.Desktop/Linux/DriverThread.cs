using System.Collections.Concurrent;

namespace Vibe.Executors.Desktop.Linux;

/// <summary>
/// One dedicated thread that runs every call of a native connection in order: Xlib displays and libatspi are
/// not safe to share between threads, and callers are async code that hops threads.
/// </summary>
internal sealed class DriverThread : IDisposable
{
    private readonly BlockingCollection<Action> _work = new();
    private readonly Thread _thread;

    public DriverThread(string name)
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = name };
        _thread.Start();
    }

    public bool IsCurrent => Environment.CurrentManagedThreadId == _thread.ManagedThreadId;

    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (IsCurrent)
        {
            return Task.FromResult(work());
        }

        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _work.Add(
                () =>
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        completion.TrySetCanceled(cancellationToken);
                        return;
                    }

                    try
                    {
                        completion.TrySetResult(work());
                    }
                    catch (Exception ex)
                    {
                        completion.TrySetException(ex);
                    }
                },
                CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(_thread.Name);
        }

        return completion.Task;
    }

    public Task RunAsync(Action work, CancellationToken cancellationToken) =>
        RunAsync(
            () =>
            {
                work();
                return true;
            },
            cancellationToken);

    /// <summary>Lets the queued work finish, then ends the thread.</summary>
    public void Dispose()
    {
        _work.CompleteAdding();
        if (!IsCurrent)
        {
            _thread.Join(TimeSpan.FromSeconds(10));
        }

        _work.Dispose();
    }

    private void Loop()
    {
        foreach (var item in _work.GetConsumingEnumerable())
        {
            item();
        }
    }
}
