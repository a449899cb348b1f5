using Vibe.Application.Executors;
using Vibe.Domain.Runs;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Executor.Actions;

namespace Vibe.Executors.Desktop.Executor;

/// <summary>
/// The "desktop" executor: robots that drive ordinary desktop applications through the backend of this
/// operating system. Opening a session is the pre-run session check: no desktop, no run (SessionUnavailable).
/// </summary>
internal sealed class DesktopExecutor : IRobotExecutor
{
    private readonly DesktopDrivers _drivers;

    public DesktopExecutor(DesktopDrivers drivers)
    {
        _drivers = drivers;
    }

    public string Name => "desktop";

    public IReadOnlyCollection<ActionDescriptor> Actions => DesktopActions.Descriptors;

    public IReadOnlyList<ParameterDescriptor> StepParameters => DesktopActions.Common;

    public IReadOnlyList<ParameterDescriptor> Options => DesktopActions.Settings;

    public async ValueTask<IExecutorSession> OpenSessionAsync(ExecutorContext context, CancellationToken cancellationToken)
    {
        var options = DesktopOptions.From(context.Robot);
        var driver = await _drivers.OpenAsync(
            new DesktopDriverOptions { Display = options.Display, Accessibility = options.Accessibility, Framework = options.Framework },
            cancellationToken);
        try
        {
            if (options.Framework.Unavailable(driver.Backend) is { } unavailable)
            {
                throw new StepFailedException($"robot '{context.Robot.Name}': desktop.framework: {unavailable}; remove the setting");
            }

            var session = await driver.CheckSessionAsync(cancellationToken);
            if (!session.IsAvailable)
            {
                throw new SessionUnavailableException(session.Problem ?? $"the {session.Backend} desktop cannot be used");
            }

            context.Log.Write(RunLogLevel.Info, null, "session check: " + session.Describe());
            return new DesktopSession(driver, options, context);
        }
        catch
        {
            await driver.DisposeAsync();
            throw;
        }
    }
}
