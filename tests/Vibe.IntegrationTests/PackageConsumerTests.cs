using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>Vibe.Application is a NuGet package other tools build on: pack it, consume it from a folder feed, enqueue a run.</summary>
[Collection(PackedVibeCollection.Name)]
public class PackageConsumerTests(PackedVibe packages)
{
    [Fact]
    public async Task A_separate_project_enqueues_a_run_through_the_packed_Vibe_Application()
    {
        using var work = new TempWorkspace();
        Assert.True(File.Exists(Path.Combine(packages.Feed, $"Vibe.Application.{packages.Version}.nupkg")));
        Assert.True(File.Exists(Path.Combine(packages.Feed, $"Vibe.Domain.{packages.Version}.nupkg")));
        var consumer = Directory.CreateDirectory(work.PathOf("consumer")).FullName;
        var templates = Path.Combine(AppContext.BaseDirectory, "PackageConsumer");
        packages.CopyProject(templates, consumer);
        File.Move(Path.Combine(consumer, "Program.cs.txt"), Path.Combine(consumer, "Program.cs"));
        File.Delete(Path.Combine(consumer, "Consumer.csproj.txt"));
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), (await File.ReadAllTextAsync(Path.Combine(templates, "Consumer.csproj.txt"))).Replace("{VERSION}", packages.Version, StringComparison.Ordinal));

        var output = await PackedVibe.RunDotnetAsync(consumer, "run", "--project", "Consumer.csproj", "-nologo");

        Assert.Contains("queued run 1 of consumer-robot: Pending; rows: 1", output, StringComparison.Ordinal);
    }
}
