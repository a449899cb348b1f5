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
    public string Name => "web";

    public IReadOnlyCollection<ActionDescriptor> Actions => WebActions.Descriptors;

    public IReadOnlyList<ParameterDescriptor> StepParameters => WebActions.Common;

    public IReadOnlyList<ParameterDescriptor> Options => WebOptionsReader.Settings;

    public async ValueTask<IExecutorSession> OpenSessionAsync(ExecutorContext context, CancellationToken cancellationToken)
    {
        var options = WebOptionsReader.Read(context.Robot, context.Variables.Environment, context.RobotFolder);
        var (browser, page) = await BrowserLauncher.LaunchAsync(options, context, cancellationToken);
        return new WebSession(browser, page, context, options);
    }
}
