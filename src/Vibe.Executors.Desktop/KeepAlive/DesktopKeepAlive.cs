using System.Globalization;
using Vibe.Application.Executors;
using Vibe.Domain.Robots;
using Vibe.Domain.Runs;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Executor;

namespace Vibe.Executors.Desktop.KeepAlive;

/// <summary>
/// Keeps the session from locking or blanking while, and only while, a robot of any executor runs: every
/// VIBE_KEEPALIVE_INTERVAL (default 4 minutes) it resets the idle timers through the backend and nudges the
/// mouse one pixel and back. Where there is no desktop (a server without DISPLAY) it does nothing.
/// </summary>
internal sealed class DesktopKeepAlive : IRunActivityHook
{
    public const string IntervalVariable = "VIBE_KEEPALIVE_INTERVAL";

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(4);

    private static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(100);

    private readonly DesktopDrivers _drivers;

    public DesktopKeepAlive(DesktopDrivers drivers)
    {
        _drivers = drivers;
    }

    public async ValueTask<IAsyncDisposable> BeginAsync(ExecutorContext context, CancellationToken cancellationToken)
    {
        var interval = ReadInterval(context);
        if (interval is null || _drivers.Current is null)
        {
            return Nothing.Instance;
        }

        IDesktopDriver driver;
        try
        {
            driver = await _drivers.OpenAsync(new DesktopDriverOptions { Display = Display(context), Accessibility = false }, cancellationToken);
        }
        catch (SessionUnavailableException ex)
        {
            context.Log.Write(RunLogLevel.Debug, null, $"keep-alive: off, no desktop ({ex.Message})");
            return Nothing.Instance;
        }

        try
        {
            var inhibit = await driver.InhibitIdleAsync(cancellationToken);
            return Activity.Start(driver, inhibit, interval.Value, context);
        }
        catch
        {
            await driver.DisposeAsync();
            throw;
        }
    }

    /// <summary>The interval from the environment (.env included): "4m", "90s", "00:04:00", a bare number of minutes, or "off".</summary>
    private static TimeSpan? ReadInterval(ExecutorContext context)
    {
        var text = context.Variables.Environment.Get(IntervalVariable)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return DefaultInterval;
        }

        if (text is "off" or "0")
        {
            context.Log.Write(RunLogLevel.Debug, null, $"keep-alive: off ({IntervalVariable}={text})");
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0)
        {
            return Max(TimeSpan.FromMinutes(minutes));
        }

        if (Duration.TryParse(text, out var interval) && interval > TimeSpan.Zero)
        {
            return Max(interval);
        }

        context.Log.Write(RunLogLevel.Warning, null, $"keep-alive: {IntervalVariable}='{text}' is not a duration (use 4m, 90s or off); using {Duration.Format(DefaultInterval)}");
        return DefaultInterval;
    }

    private static TimeSpan Max(TimeSpan interval) => interval < MinimumInterval ? MinimumInterval : interval;

    private static string? Display(ExecutorContext context)
    {
        if (!string.Equals(context.Robot.Executor, "desktop", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return DesktopOptions.From(context.Robot).Display;
        }
        catch (StepFailedException)
        {
            // The executor reports a bad "desktop" block; the keep-alive just uses the default display.
            return null;
        }
    }

    private sealed class Activity : IAsyncDisposable
    {
        private readonly IDesktopDriver _driver;
        private readonly IAsyncDisposable _inhibit;
        private readonly TimeSpan _interval;
        private readonly ExecutorContext _context;
        private readonly CancellationTokenSource _stop = new();
        private Task _loop = Task.CompletedTask;
        private int _nudges;

        private Activity(IDesktopDriver driver, IAsyncDisposable inhibit, TimeSpan interval, ExecutorContext context)
        {
            _driver = driver;
            _inhibit = inhibit;
            _interval = interval;
            _context = context;
        }

        public static Activity Start(IDesktopDriver driver, IAsyncDisposable inhibit, TimeSpan interval, ExecutorContext context)
        {
            var activity = new Activity(driver, inhibit, interval, context);
            context.Log.Write(RunLogLevel.Info, null, $"keep-alive: on while the robot runs, every {Duration.Format(interval)} ({driver.Backend})");
            activity._loop = Task.Run(() => activity.RunAsync(activity._stop.Token));
            return activity;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
            }

            await _inhibit.DisposeAsync();
            await _driver.DisposeAsync();
            _stop.Dispose();
            _context.Log.Write(RunLogLevel.Info, null, $"keep-alive: off; it ran {_nudges} time(s)");
        }

        private async Task RunAsync(CancellationToken stop)
        {
            using var timer = new PeriodicTimer(_interval, _context.Time);
            do
            {
                await NudgeAsync(stop);
            }
            while (await timer.WaitForNextTickAsync(stop));
        }

        private async Task NudgeAsync(CancellationToken stop)
        {
            try
            {
                await _driver.ResetIdleTimerAsync(stop);
                var position = await _driver.GetMousePositionAsync(stop);
                await _driver.MoveMouseAsync(position.X > 0 ? position.Offset(-1, 0) : position.Offset(1, 0), stop);

                // Always put the pointer back, even when the robot ends in between: a robot's next click must land
                // where it was aimed.
                await _driver.MoveMouseAsync(position, CancellationToken.None);
                _nudges++;
                _context.Log.Write(RunLogLevel.Info, null, $"keep-alive: reset the idle timer and nudged the mouse at {position}");
            }
            catch (DesktopDriverException ex)
            {
                _context.Log.Write(RunLogLevel.Warning, null, $"keep-alive: could not keep the session awake: {ex.Message}");
            }
        }
    }

    private sealed class Nothing : IAsyncDisposable
    {
        public static readonly Nothing Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
