using System.Diagnostics;
using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>
/// vibe's packages as README packs them (each `dotnet pack src/... -o FEED` line of README.md, so its instructions are
/// what is tested), in a folder feed: packed once for every test class that builds a project against them (packing is
/// slow, and two packs of one project at once collide).
/// </summary>
public sealed class PackedVibe : IAsyncLifetime, IDisposable
{
    private readonly TempWorkspace _work = new();

    /// <summary>The folder feed holding the packages.</summary>
    public string Feed => _work.PathOf("feed");

    /// <summary>A version no earlier test run has put in the NuGet cache.</summary>
    public string Version { get; } = "0.1.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        foreach (var project in ReadmePackedProjects())
        {
            await RunDotnetAsync(TestPaths.RepositoryRoot, "pack", Path.Combine(TestPaths.RepositoryRoot, project), "-o", Feed, $"-p:Version={Version}", "-nologo");
        }
    }

    /// <summary>The projects README.md tells a tool author to pack (`dotnet pack src/X -o FEED`), in its order.</summary>
    public static IReadOnlyList<string> ReadmePackedProjects()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        return System.Text.RegularExpressions.Regex.Matches(readme, @"dotnet pack (src/[\w.]+) -o FEED")
            .Select(match => match.Groups[1].Value)
            .Distinct()
            .ToList();
    }

    /// <summary>Copies <paramref name="sourceFolder"/> to <paramref name="target"/> with a nuget.config that adds the feed to the machine's sources.</summary>
    public void CopyProject(string sourceFolder, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(sourceFolder))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        File.WriteAllText(Path.Combine(target, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="vibe-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    /// <summary>A folder of the fixture's own, deleted with it.</summary>
    public string Scratch(string name) => Directory.CreateDirectory(_work.PathOf(name)).FullName;

    public static async Task<string> RunDotnetAsync(string workingDirectory, params string[] args)
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

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _work.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PackedVibeCollection : ICollectionFixture<PackedVibe>
{
    public const string Name = "packed vibe";
}
