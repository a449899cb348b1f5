using System.Diagnostics;
using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>
/// `./vibe` republishes vibe when what it is built from changed, including a project Vibe.Host references from outside
/// src/ (an executor of one's own, issue 14). A checkout in miniature, with `dotnet` standing in to record what the
/// launcher asks of it: the staleness check is the launcher's own logic, and a real publish would take minutes.
/// </summary>
public class LauncherTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // ./vibe is the bash launcher; Windows has vibe.cmd
    public async Task The_launcher_republishes_after_the_source_of_a_referenced_executor_outside_src_changed()
    {
        using var work = new TempWorkspace();
        File.Copy(Path.Combine(TestPaths.RepositoryRoot, "vibe"), work.PathOf("vibe"));
        work.WriteFile("src/Vibe.Host/Vibe.Host.csproj", """<Project><ItemGroup><ProjectReference Include="..\..\executors\Http\Http.csproj" /></ItemGroup></Project>""");
        work.WriteFile("executors/Http/Http.csproj", """<Project><ItemGroup><ProjectReference Include="../../src/Vibe.Host/Vibe.Host.csproj" /></ItemGroup></Project>""");
        work.WriteFile("executors/Http/HttpExecutor.cs", "// first version");
        work.WriteFile("artifacts/vibe/vibe.dll", "");
        work.WriteFile("fake/dotnet", "#!/bin/sh\necho \"$*\" >> \"$DOTNET_CALLS\"\n");
        File.SetUnixFileMode(work.PathOf("fake/dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var earlier = DateTime.UtcNow.AddMinutes(-10);
        foreach (var source in new[] { "src/Vibe.Host/Vibe.Host.csproj", "executors/Http/Http.csproj", "executors/Http/HttpExecutor.cs" })
        {
            File.SetLastWriteTimeUtc(work.PathOf(source), earlier);
        }

        var unchanged = await LaunchAsync(work);
        File.SetLastWriteTimeUtc(work.PathOf("executors/Http/HttpExecutor.cs"), DateTime.UtcNow.AddMinutes(1));
        var changed = await LaunchAsync(work);

        Assert.DoesNotContain(unchanged, call => call.StartsWith("publish", StringComparison.Ordinal));
        Assert.True(changed.Any(call => call.StartsWith("publish", StringComparison.Ordinal)), "the launcher did not republish after executors/Http/HttpExecutor.cs changed; it ran: " + string.Join(" | ", changed));
        Assert.EndsWith("vibe.dll --version", changed[^1], StringComparison.Ordinal);
    }

    /// <summary>Runs `./vibe --version` in the miniature checkout; returns what it asked of dotnet, one call a line.</summary>
    private static async Task<string[]> LaunchAsync(TempWorkspace work)
    {
        var calls = work.PathOf("calls.txt");
        File.Delete(calls);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(work.PathOf("vibe"));
        start.ArgumentList.Add("--version");
        start.Environment["PATH"] = work.PathOf("fake") + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["DOTNET_CALLS"] = calls;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "./vibe failed: " + await error);
        return File.Exists(calls) ? await File.ReadAllLinesAsync(calls) : [];
    }
}
