using Vibe.Application.Executors;
using Vibe.Application.Executors.SharedActions;
using Vibe.Application.Runs.ExecuteRun;
using Vibe.Domain.Robots;

namespace Vibe.Executors.Web.Tests.Harness;

/// <summary>
/// Runs web robots the way the service does, through the real <see cref="RobotRunner"/> and the real web
/// executor against Debian's Chromium, with pages served from 127.0.0.1. Shared by every browser test.
/// </summary>
public sealed class WebRobotHarness : IDisposable
{
    public const string SystemChromium = "/usr/bin/chromium";
    private static long _nextRunId;

    public WebRobotHarness()
    {
        Root = Directory.CreateTempSubdirectory("vibe-web-tests-").FullName;
        SamplesFolder = Path.Combine(AppContext.BaseDirectory, "samples", "web");
        Site = new StaticSiteServer(SamplesFolder);
        Files = new TestRunFiles(Path.Combine(Root, "data"));
    }

    public string Root { get; }

    public string SamplesFolder { get; }

    public StaticSiteServer Site { get; }

    public TestRunFiles Files { get; }

    /// <summary>A folder where a test may put its robot file and the files the robot uploads.</summary>
    public string RobotFolder(string name) => Directory.CreateDirectory(Path.Combine(Root, "robots", name)).FullName;

    /// <summary>
    /// Starts a robot. "{site}" in <paramref name="robotJson"/> becomes the test site's base URL. The browser is
    /// Debian's Chromium unless <paramref name="configure"/> changes VIBE_WEB_BROWSER.
    /// </summary>
    public WebRun Start(string robotJson, Action<TestEnvironment>? configure = null, string? sourceFile = null, CancellationToken stop = default)
    {
        var run = Prepare(robotJson, configure, sourceFile);
        var evidenceWriter = new TestEvidenceWriter();
        var registry = new ExecutorRegistry([new WebExecutor()], [new WaitAction(), new LogAction(), new SetAction()]);
        var runner = new RobotRunner(registry, [], evidenceWriter, Files);
        return run with { Completion = Task.Run(() => runner.RunAsync(run.Context, new RunAttempt(1, 1), stop)) };
    }

    /// <summary>A run's context without running it, for tests that drive the executor's session themselves.</summary>
    public WebRun Prepare(string robotJson, Action<TestEnvironment>? configure = null, string? sourceFile = null)
    {
        var runId = Interlocked.Increment(ref _nextRunId);
        var marker = $"--vibe-test-run={Guid.NewGuid():N}";
        var environment = new TestEnvironment
        {
            ["VIBE_WEB_BROWSER"] = SystemChromium,
            ["VIBE_WEB_ARGS"] = marker,
        };
        configure?.Invoke(environment);
        var robot = TestRobots.Parse(robotJson.Replace("{site}", Site.BaseUrl, StringComparison.Ordinal), sourceFile ?? Path.Combine(RobotFolder("default"), "robot.json"));
        var masker = new TestSecretMasker();
        var log = new TestRunLog(runId, masker);
        var context = new ExecutorContext
        {
            RunId = runId,
            Robot = robot,
            RunFolder = Files.RunFolder(runId),
            Log = log,
            Variables = new RunVariables(environment, masker),
            Masker = masker,
            Time = TimeProvider.System,
        };
        return new WebRun(context, log, masker, marker, Files.EvidenceFolder(runId), Task.FromException<RobotRunResult>(new InvalidOperationException("not started")));
    }

    /// <summary>Runs a robot to its end.</summary>
    public Task<RobotRunResult> RunAsync(string robotJson, Action<TestEnvironment>? configure = null, string? sourceFile = null) =>
        Start(robotJson, configure, sourceFile).Completion;

    public void Dispose()
    {
        Site.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A run in progress or finished: its log, variables, folders and the marker its browser carries.</summary>
public sealed record WebRun(
    ExecutorContext Context, TestRunLog Log, TestSecretMasker Masker, string ProcessMarker, string EvidenceFolder, Task<RobotRunResult> Completion)
{
    public RunVariables Variables => Context.Variables;

    public string RunFolder => Context.RunFolder;

    public string Variable(string name) => Variables.TryGet(name, out var value) ? value : throw new Xunit.Sdk.XunitException($"variable '{name}' is not set; log:\n{Log.Text}");

    public async Task<RobotRunResult> SucceedsAsync()
    {
        var result = await Completion;
        Assert.True(result.Status == Domain.Runs.RunStatus.Succeeded, $"run {Context.RunId} ended {result.Status}: {result.Error}\nlog:\n{Log.Text}");
        return result;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<WebRobotHarness>
{
    // One browser at a time: the CI machine has two cores, and launches racing each other only make runs slower.
    public const string Name = "browser";
}
