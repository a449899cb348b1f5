using System.Diagnostics;
using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>Vibe.Application is a NuGet package other tools build on: pack it, consume it from a folder feed, enqueue a run.</summary>
public class PackageConsumerTests
{
    [Fact]
    public async Task A_separate_project_enqueues_a_run_through_the_packed_Vibe_Application()
    {
        using var work = new TempWorkspace();
        var feed = Directory.CreateDirectory(work.PathOf("feed")).FullName;
        var version = "0.1.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var project in new[] { "src/Vibe.Domain/Vibe.Domain.csproj", "src/Vibe.Application/Vibe.Application.csproj" })
        {
            await Dotnet(TestPaths.RepositoryRoot, "pack", Path.Combine(TestPaths.RepositoryRoot, project), "-o", feed, $"-p:Version={version}", "-nologo");
        }

        Assert.True(File.Exists(Path.Combine(feed, $"Vibe.Application.{version}.nupkg")));
        var consumer = Directory.CreateDirectory(work.PathOf("consumer")).FullName;
        var templates = Path.Combine(AppContext.BaseDirectory, "PackageConsumer");
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), (await File.ReadAllTextAsync(Path.Combine(templates, "Consumer.csproj.txt"))).Replace("{VERSION}", version, StringComparison.Ordinal));
        File.Copy(Path.Combine(templates, "Program.cs.txt"), Path.Combine(consumer, "Program.cs"));
        await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="vibe-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);

        var output = await Dotnet(consumer, "run", "--project", "Consumer.csproj", "-nologo");

        Assert.Contains("queued run 1 of consumer-robot: Pending; rows: 1", output, StringComparison.Ordinal);
    }

    private static async Task<string> Dotnet(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', args)} failed:\n{output}");
        return output;
    }
}
