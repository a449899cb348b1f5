using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Executors.Web.Actions;
using Vibe.Executors.Web.Browser;
using Vibe.Executors.Web.Options;
using Vibe.Executors.Web.Session;

namespace Vibe.Executors.Web;

/// <summary>
/// The "web" executor: robots that drive a Chromium-family browser (Chromium, Chrome, Edge) through Playwright.
/// Every run gets its own browser and a fresh context unless the robot names a persistent profile; a failed
/// step leaves a full-page screenshot and a Playwright trace in the run's evidence folder. Settings come from
/// the robot's "web" block and the VIBE_WEB_* environment values (see docs/web.md).
/// </summary>
public sealed class WebExecutor : IRobotExecutor
{
    private readonly IServiceProvider? _services;

    /// <param name="services">
    /// Where the robot catalog is found, to resolve a robot's relative paths; without it they start from the
    /// current folder. The catalog is looked up when a run starts, not injected: it validates robots against the
    /// executor registry, which holds this executor, so injecting it would make a cycle.
    /// </param>
    public WebExecutor(IServiceProvider? services = null)
    {
        _services = services;
    }

    public string Name => "web";

    public IReadOnlyCollection<ActionDescriptor> Actions => WebActions.Descriptors;

    public IReadOnlyList<ParameterDescriptor> StepParameters => WebActions.Common;

    public IReadOnlyList<ParameterDescriptor> Options => WebOptionsReader.Settings;

    public async ValueTask<IExecutorSession> OpenSessionAsync(ExecutorContext context, CancellationToken cancellationToken)
    {
        var catalog = _services?.GetService(typeof(IRobotCatalog)) as IRobotCatalog;
        var robotFolder = await RobotFolder.FindAsync(context.Robot, catalog, cancellationToken);
        var options = WebOptionsReader.Read(context.Robot, context.Variables.Environment, robotFolder);
        var (browser, page) = await BrowserLauncher.LaunchAsync(options, context, cancellationToken);
        return new WebSession(browser, page, context, options);
    }
}
