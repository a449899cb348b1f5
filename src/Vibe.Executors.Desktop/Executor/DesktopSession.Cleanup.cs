using Vibe.Domain.Robots;
using Vibe.Domain.Runs;
using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Executor;

/// <summary>
/// A run leaves no programs behind: what it launched (with the children a wrapper script started) is asked to
/// close when the run ends, after the failure evidence was taken, and ended after a grace. Otherwise the next run
/// meets a second instance or a "restore session?" dialog.
/// </summary>
internal sealed partial class DesktopSession
{
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    private async Task CloseLaunchedAsync()
    {
        var family = _launched
            .SelectMany(pid => ProcessFamily.DescendantsOf(pid).Prepend(pid))
            .Where(pid => pid != Environment.ProcessId)
            .Distinct()
            .Where(ProcessFamily.IsAlive)
            .ToList();
        if (family.Count == 0)
        {
            return;
        }

        // Named now: once closed, a Windows process has no name left to read.
        var closed = Programs(family);
        using var limit = new CancellationTokenSource(CloseGrace + KillWait + TimeSpan.FromSeconds(5), Time);
        var ct = limit.Token;
        try
        {
            var windows = (await _driver.ListWindowsAsync(ct)).Where(window => family.Contains(window.ProcessId)).ToList();
            foreach (var window in windows)
            {
                try
                {
                    await _driver.RequestCloseAsync(window, ct);
                }
                catch (DesktopDriverException)
                {
                    // Gone meanwhile, or it refuses: the grace below ends it.
                }
            }

            if (await Poll.UntilTrueAsync(_ => Task.FromResult(!family.Any(ProcessFamily.IsAlive)), CloseGrace, Time, ct))
            {
                _run.Log.Write(RunLogLevel.Info, null, $"closed {closed} this run launched");
                return;
            }
        }
        catch (Exception ex) when (ex is DesktopDriverException or OperationCanceledException)
        {
            // The desktop went away: ending the processes below is all that is left.
        }

        var stubborn = family.Where(ProcessFamily.IsAlive).ToList();
        var names = Programs(stubborn);
        foreach (var pid in stubborn)
        {
            Kill(pid);
        }

        _run.Log.Write(
            RunLogLevel.Warning,
            null,
            $"ended {names} this run launched: it did not close within {Duration.Format(CloseGrace)} " +
            "(unsaved work or a dialog?); \"desktop\": {\"closeLaunched\": false} leaves launched programs open");
    }

    private static string Programs(IReadOnlyList<int> pids) =>
        pids.Count == 1 ? $"program {ProcessFamily.NameOf(pids[0])} (pid {pids[0]})" : $"{pids.Count} programs ({string.Join(", ", pids.Select(pid => $"{ProcessFamily.NameOf(pid)} pid {pid}"))})";
}
