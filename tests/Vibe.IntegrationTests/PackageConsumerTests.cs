using System.Diagnostics;
using System.Text;
using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>
/// docs/library.md, followed step by step: tests/SampleConsumer, a program of a tool author's built against the packages
/// README packs (no project reference), has a running `vibe start-service` run a robot through AddVibeClient: it queues
/// the run, follows it to Succeeded and prints its log.
/// </summary>
[Collection(PackedVibeCollection.Name)]
public class PackageConsumerTests(PackedVibe packages)
{
    private const string ShellRobot = """
        {
          "name": "hello-shell",
          "executor": "shell",
          "steps": [
            { "action": "log", "message": "hello from the library" },
            { "action": "run", "program": "sh", "args": ["-c", "echo printed by a program"] }
          ]
        }
        """;

    private static readonly SemaphoreSlim BuildGate = new(1, 1);
    private static string? _built;

    [Fact]
    public async Task A_program_built_against_the_packages_queues_a_run_with_AddVibeClient_and_follows_it_to_Succeeded_on_SQLite()
    {
        using var work = new TempWorkspace();
        work.WriteRobotList(ShellRobot);

        var output = await RunConsumerBesideServiceAsync(work, "hello-shell");

        Assert.Contains("queued run 1 of hello-shell: Pending", output, StringComparison.Ordinal);
        Assert.Contains("Info    hello from the library", output, StringComparison.Ordinal);
        Assert.Contains("printed by a program", output, StringComparison.Ordinal);
        Assert.Matches(@"run 1 Succeeded on \S+: \d+ log lines", output);
    }

    [Fact]
    public async Task A_program_built_against_the_packages_queues_a_run_with_AddVibeClient_and_follows_it_to_Succeeded_on_PostgreSQL()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var work = new TempWorkspace();
        work.WriteRobotList(ShellRobot).WriteEnv("VIBE_DB_PROVIDER=postgres", $"VIBE_DB_CONNECTION={database.ConnectionString}");
        var migrated = await VibeProcess.RunAsync(work.Directory, "db", "migrate");
        Assert.True(migrated.ExitCode == 0, migrated.ToString());

        var output = await RunConsumerBesideServiceAsync(work, "hello-shell");

        Assert.Contains("queued run 1 of hello-shell: Pending", output, StringComparison.Ordinal);
        Assert.Contains("printed by a program", output, StringComparison.Ordinal);
        Assert.Matches(@"run 1 Succeeded on \S+: \d+ log lines", output);
    }

    [Fact]
    public async Task The_program_gets_a_one_line_error_for_a_robot_that_is_not_declared()
    {
        using var work = new TempWorkspace();
        work.WriteRobotList(ShellRobot);
        var created = await VibeProcess.RunAsync(work.Directory, "db", "migrate");
        Assert.True(created.ExitCode == 0, created.ToString());

        var result = await RunConsumerAsync(work.Directory, "hello-shel");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("vibe: no robot named 'hello-shel' (see vibe list-robots)", result.Error.Trim());
    }

    [Fact]
    public async Task A_program_without_the_SQL_Server_package_is_told_to_add_it_for_a_SQL_Server_configuration()
    {
        using var work = new TempWorkspace();
        work.WriteRobotList(ShellRobot).WriteEnv("VIBE_DB_PROVIDER=sqlserver", "VIBE_DB_CONNECTION=Server=localhost;Database=vibe;Password=s3cret-pw");

        var result = await RunConsumerAsync(work.Directory, "hello-shell");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "vibe: VIBE_DB_PROVIDER is sqlserver, but this program has no Vibe.Client.SqlServer: add the Vibe.Client.SqlServer package to it",
            result.Error.Trim());
    }

    [Theory]
    [InlineData("SampleConsumer.csproj")]
    [InlineData("Program.cs")]
    public async Task Docs_library_md_shows_the_sample_consumer_the_test_builds(string file)
    {
        var docs = (await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "docs", "library.md"))).ReplaceLineEndings("\n");
        var source = (await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "tests", "SampleConsumer", file))).ReplaceLineEndings("\n");

        Assert.True(docs.Contains($"`{file}`:\n\n```", StringComparison.Ordinal) && docs.Contains(source, StringComparison.Ordinal),
            $"docs/library.md no longer shows tests/SampleConsumer/{file} as it is: copy the file into its code block");
    }

    [Fact]
    public async Task The_program_gets_none_of_the_services_parts_nor_SQL_Servers_driver()
    {
        var output = Path.GetDirectoryName(await BuiltConsumerAsync())!;

        Assert.True(File.Exists(Path.Combine(output, "Vibe.Client.dll")), "the consumer's output should hold Vibe.Client.dll");
        foreach (var part in new[] { "Vibe.Infrastructure.dll", "MailKit.dll", "MimeKit.dll", "Microsoft.Extensions.Hosting.dll", "Vibe.Executors.Web.dll", "Microsoft.Playwright.dll", "Microsoft.Data.SqlClient.dll", "Vibe.Client.SqlServer.dll" })
        {
            Assert.False(File.Exists(Path.Combine(output, part)), $"{part} came with Vibe.Client: it is the service's (or SQL Server's package), not the library's");
        }
    }

    [Fact]
    public void README_packs_every_package_the_library_needs()
    {
        Assert.Equal(["src/Vibe.Domain", "src/Vibe.Application", "src/Vibe.Client", "src/Vibe.Client.SqlServer"], PackedVibe.ReadmePackedProjects());
    }

    /// <summary>Starts the service on <paramref name="work"/>, runs the consumer for <paramref name="robot"/> beside it, stops the service.</summary>
    private async Task<string> RunConsumerBesideServiceAsync(TempWorkspace work, string robot)
    {
        var consumer = await BuiltConsumerAsync();
        using var service = VibeProcess.Start(work.Directory, null, "start-service");
        var said = new StringBuilder();
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

            var result = await RunConsumerAsync(work.Directory, robot, consumer);

            Assert.True(result.ExitCode == 0, result + "\n--- service ---\n" + said);
            return result.Output;
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

    private async Task<CliResult> RunConsumerAsync(string configDirectory, string robot, string? consumer = null)
    {
        consumer ??= await BuiltConsumerAsync();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(consumer);
        start.ArgumentList.Add(configDirectory);
        start.ArgumentList.Add(robot);
        foreach (var key in start.Environment.Keys.Where(key => key.StartsWith("VIBE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the consumer did not finish within 3 minutes\n{await stdout}\n{await stderr}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Steps 1–2 of docs/library.md, done once: the sample consumer, built against the packages; the path of its dll.</summary>
    private async Task<string> BuiltConsumerAsync()
    {
        await BuildGate.WaitAsync();
        try
        {
            if (_built is null)
            {
                var project = Path.Combine(packages.Scratch("sample-consumer"), "SampleConsumer");
                packages.CopyProject(Path.Combine(TestPaths.RepositoryRoot, "tests", "SampleConsumer"), project);
                var output = Path.Combine(project, "out");
                await PackedVibe.RunDotnetAsync(project, "build", "-c", "Release", "-o", output, $"-p:VibeVersion={packages.Version}", "-nologo");
                _built = Path.Combine(output, "SampleConsumer.dll");
            }

            return _built;
        }
        finally
        {
            BuildGate.Release();
        }
    }
}
