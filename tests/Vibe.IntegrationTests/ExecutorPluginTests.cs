using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>
/// docs/executors.md, followed step by step: tests/SampleExecutor (an "echo" executor) is built against the packed
/// Vibe.Application, published into a configuration folder's executors/, and used through the real `vibe` CLI with
/// no change to vibe itself.
/// </summary>
[Collection(PackedVibeCollection.Name)]
public class ExecutorPluginTests(PackedVibe packages)
{
    private const string EchoRobot = """
        {
          "name": "hello-echo",
          "executor": "echo",
          "steps": [
            { "action": "say", "text": "hello from a plug-in", "times": 2 },
            { "action": "write", "file": "out.txt", "text": "written by echo" }
          ]
        }
        """;

    private static readonly SemaphoreSlim PublishGate = new(1, 1);
    private static string? _published;

    [Fact]
    public async Task A_robot_of_a_plugin_executor_runs_with_run_now()
    {
        using var work = await WorkspaceWithPluginAsync(Path.Combine("executors", "echo"));
        work.WriteRobotList(EchoRobot);

        var result = await VibeProcess.RunAsync(work.Directory, "run-now", "hello-echo");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, result.Output.Split('\n').Count(line => line.Contains("echo: hello from a plug-in", StringComparison.Ordinal)));
        Assert.Equal("written by echo", await File.ReadAllTextAsync(Path.Combine(work.DataDirectory, "runs", "1", "out.txt")));
    }

    [Fact]
    public async Task The_service_loads_the_plugin_and_runs_its_robot_from_the_queue()
    {
        using var work = await WorkspaceWithPluginAsync(Path.Combine("executors", "echo"));
        work.WriteRobotList(EchoRobot);
        using var service = VibeProcess.Start(work.Directory, null, "start-service");
        var said = new System.Text.StringBuilder();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        service.OutputDataReceived += (_, e) => Heard(e.Data);
        service.ErrorDataReceived += (_, e) => Heard(e.Data);
        service.Exited += (_, _) => started.TrySetResult();
        service.EnableRaisingEvents = true;
        service.BeginOutputReadLine();
        service.BeginErrorReadLine();
        if (service.HasExited)
        {
            started.TrySetResult();
        }

        try
        {
            await started.Task;
            Assert.False(service.HasExited, $"the service did not start:\n{said}");

            var result = await VibeProcess.RunAsync(work.Directory, "run-now", "hello-echo", "--wait");

            Assert.True(result.ExitCode == 0, result.ToString() + "\n--- service ---\n" + said);
            Assert.Contains("the vibe service", result.Output, StringComparison.Ordinal);
            Assert.Contains("echo: hello from a plug-in", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            await VibeProcess.RunAsync(work.Directory, "stop-service");
            await service.WaitForExitAsync();
        }

        void Heard(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (said)
            {
                said.AppendLine(line);
            }

            if (line.Contains("vibe service started on", StringComparison.Ordinal))
            {
                started.TrySetResult();
            }
        }
    }

    [Fact]
    public async Task Validate_catches_a_misspelled_optional_parameter_of_a_plugin_action()
    {
        using var work = await WorkspaceWithPluginAsync(Path.Combine("executors", "echo"));
        work.WriteRobotList(EchoRobot.Replace("\"times\"", "\"tims\"", StringComparison.Ordinal));

        var result = await VibeProcess.RunAsync(work.Directory, "validate");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("unknown parameter 'tims' for action 'say' (did you mean 'times'?)", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_and_list_robots_know_the_plugin_and_its_actions()
    {
        using var work = await WorkspaceWithPluginAsync(Path.Combine("executors", "echo"));
        work.WriteRobotList(EchoRobot);

        var markdown = await VibeProcess.RunAsync(work.Directory, "schema", "--markdown");
        var schema = await VibeProcess.RunAsync(work.Directory, "schema");
        var list = await VibeProcess.RunAsync(work.Directory, "list-robots");

        Assert.True(markdown.ExitCode == 0, markdown.ToString());
        Assert.Contains("| `say` | `text` (text) | `times` (whole number 1–10, default `1`) | Writes the text to the run log |", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("| `write` |", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("\"echo\"", schema.Output, StringComparison.Ordinal);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("hello-echo  echo", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_in_the_VIBE_EXECUTORS_DIR_folder_is_loaded_too()
    {
        using var work = await WorkspaceWithPluginAsync(Path.Combine("shared-executors", "echo"));
        work.WriteRobotList(EchoRobot);
        var environment = new Dictionary<string, string> { ["VIBE_EXECUTORS_DIR"] = work.PathOf("shared-executors") };

        var result = await VibeProcess.RunAsync(work.Directory, environment, "run-now", "hello-echo");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("echo: hello from a plug-in", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_that_ships_its_own_copy_of_Vibe_Application_still_runs_on_vibes()
    {
        using var work = new TempWorkspace();
        var project = Path.Combine(packages.Scratch("sample-with-copies"), "SampleExecutor");
        packages.CopyProject(Path.Combine(TestPaths.RepositoryRoot, "tests", "SampleExecutor"), project);
        var csproj = Path.Combine(project, "SampleExecutor.csproj");
        await File.WriteAllTextAsync(csproj, (await File.ReadAllTextAsync(csproj)).Replace(" ExcludeAssets=\"runtime\"", "", StringComparison.Ordinal));
        await PackedVibe.RunDotnetAsync(project, "publish", "-c", "Release", "-o", work.PathOf(Path.Combine("executors", "echo")), $"-p:VibeVersion={packages.Version}", "-nologo");
        Assert.True(File.Exists(work.PathOf(Path.Combine("executors", "echo", "Vibe.Application.dll"))), "the publish output should carry its own Vibe.Application.dll");
        work.WriteRobotList(EchoRobot);

        var result = await VibeProcess.RunAsync(work.Directory, "run-now", "hello-echo");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("echo: hello from a plug-in", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_finds_its_own_dependencies_in_its_folder()
    {
        // A plug-in with a library of its own (published beside it): vibe has no copy of it, so it must come from
        // the plug-in's folder through its .deps.json.
        using var work = new TempWorkspace();
        var root = packages.Scratch("shout");
        var words = Directory.CreateDirectory(Path.Combine(root, "Shout.Words")).FullName;
        await File.WriteAllTextAsync(Path.Combine(words, "Shout.Words.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(words, "Words.cs"), """
            namespace Shout.Words;
            public static class Words { public static string Shout(string text) => text.ToUpperInvariant() + "!"; }
            """);
        var plugin = Path.Combine(root, "ShoutExecutor");
        packages.CopyProject(Path.Combine(TestPaths.RepositoryRoot, "tests", "SampleExecutor"), plugin);
        File.Delete(Path.Combine(plugin, "EchoExecutor.cs"));
        File.Delete(Path.Combine(plugin, "EchoPlugin.cs"));
        var csproj = Path.Combine(plugin, "ShoutExecutor.csproj");
        File.Move(Path.Combine(plugin, "SampleExecutor.csproj"), csproj);
        await File.WriteAllTextAsync(csproj, (await File.ReadAllTextAsync(csproj)).Replace("</Project>", """
              <ItemGroup><ProjectReference Include="../Shout.Words/Shout.Words.csproj" /></ItemGroup>
            </Project>
            """, StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(plugin, "Shout.cs"), """
            using Microsoft.Extensions.DependencyInjection;
            using Vibe.Application.Executors;
            using Vibe.Application.Executors.Plugins;

            [assembly: VibeExecutor(typeof(ShoutExecutor.ShoutPlugin))]

            namespace ShoutExecutor;

            public sealed class ShoutPlugin : IVibeExecutorPlugin
            {
                public void Register(IServiceCollection services) => services.AddSingleton<IRobotExecutor, Shout>();
            }

            public sealed class Shout : IRobotExecutor, IExecutorSession
            {
                public string Name => "shout";
                public IReadOnlyCollection<ActionDescriptor> Actions { get; } =
                    [new ActionDescriptor("shout", "Says the text loudly", [ParameterDescriptor.Text("text", "What to shout").IsRequired()])];
                public ValueTask<IExecutorSession> OpenSessionAsync(ExecutorContext context, CancellationToken cancellationToken) => ValueTask.FromResult<IExecutorSession>(this);
                public ValueTask ExecuteStepAsync(StepContext step, CancellationToken cancellationToken)
                {
                    step.Log(global::Shout.Words.Words.Shout(step.Parameters.GetString("text")));
                    return ValueTask.CompletedTask;
                }
                public ValueTask<FailureEvidence> CaptureFailureEvidenceAsync(string evidenceFolder, CancellationToken cancellationToken) => ValueTask.FromResult(FailureEvidence.None);
                public ValueTask DisposeAsync() => ValueTask.CompletedTask;
            }
            """);
        await PackedVibe.RunDotnetAsync(plugin, "publish", "-c", "Release", "-o", work.PathOf(Path.Combine("executors", "shout")), $"-p:VibeVersion={packages.Version}", "-nologo");
        Assert.True(File.Exists(work.PathOf(Path.Combine("executors", "shout", "Shout.Words.dll"))), "the plug-in's own library should be published beside it");
        work.WriteRobotList("""{ "name": "loud", "executor": "shout", "steps": [ { "action": "shout", "text": "hello" } ] }""");

        var result = await VibeProcess.RunAsync(work.Directory, "run-now", "loud");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("HELLO!", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_plugin_folder_is_one_line_naming_the_folder_and_the_problem()
    {
        using var work = await WorkspaceWithPluginAsync(Path.Combine("executors", "echo"));
        work.WriteRobotList(EchoRobot);
        work.WriteFile(Path.Combine("executors", "half-copied", "readme.txt"), "the publish output went elsewhere");

        var result = await VibeProcess.RunAsync(work.Directory, "validate");

        Assert.Equal(3, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"vibe: executor folder {work.PathOf(Path.Combine("executors", "half-copied"))}: no .deps.json found; put the output of `dotnet publish` of one executor project here", line.TrimEnd());
    }

    [Fact]
    public async Task A_plugin_that_claims_a_built_in_name_is_refused_in_one_line()
    {
        using var work = await WorkspaceWithPluginAsync(Path.Combine("executors", "echo"));
        CopyFolder(Path.Combine(work.Directory, "executors", "echo"), work.PathOf(Path.Combine("more", "echo-again")));
        work.WriteRobotList(EchoRobot);
        var environment = new Dictionary<string, string> { ["VIBE_EXECUTORS_DIR"] = work.PathOf("more") };

        var result = await VibeProcess.RunAsync(work.Directory, environment, "validate");

        Assert.Equal(3, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("vibe: executor 'echo' is registered more than once", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SampleExecutor.csproj")]
    [InlineData("EchoPlugin.cs")]
    [InlineData("EchoExecutor.cs")]
    public async Task Docs_executors_md_shows_the_sample_executor_the_test_builds(string file)
    {
        var docs = (await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "docs", "executors.md"))).ReplaceLineEndings("\n");
        var source = (await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "tests", "SampleExecutor", file))).ReplaceLineEndings("\n");

        Assert.True(docs.Contains($"`{file}`:\n\n```", StringComparison.Ordinal) && docs.Contains(source, StringComparison.Ordinal),
            $"docs/executors.md no longer shows tests/SampleExecutor/{file} as it is: copy the file into its code block");
    }

    /// <summary>A configuration folder with the published sample executor in <paramref name="pluginFolder"/>.</summary>
    private async Task<TempWorkspace> WorkspaceWithPluginAsync(string pluginFolder)
    {
        var work = new TempWorkspace();
        CopyFolder(await PublishedAsync(), work.PathOf(pluginFolder));
        return work;
    }

    /// <summary>Steps 1–3 of docs/executors.md, done once: the sample project, built against the package, published.</summary>
    private async Task<string> PublishedAsync()
    {
        await PublishGate.WaitAsync();
        try
        {
            if (_published is null)
            {
                var build = packages.Scratch("sample-executor");
                var project = Path.Combine(build, "SampleExecutor");
                packages.CopyProject(Path.Combine(TestPaths.RepositoryRoot, "tests", "SampleExecutor"), project);
                var output = Path.Combine(build, "published");
                await PackedVibe.RunDotnetAsync(project, "publish", "-c", "Release", "-o", output, $"-p:VibeVersion={packages.Version}", "-nologo");
                _published = output;
            }

            return _published;
        }
        finally
        {
            PublishGate.Release();
        }
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }
}
