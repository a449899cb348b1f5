using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>What ships in the repository works as shipped: the sample robots validate, and the schema is current.</summary>
public class ShippedFilesTests
{
    private static Dictionary<string, string> TempData(TempWorkspace workspace) => new() { ["VIBE_DATA_DIR"] = workspace.DataDirectory };

    [Fact]
    public async Task The_sample_robots_in_the_repository_validate()
    {
        using var scratch = new TempWorkspace();

        var result = await VibeProcess.RunAsync(scratch.Directory, TempData(scratch), "--config-dir", TestPaths.RepositoryRoot, "validate");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("ok: ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_committed_robots_schema_matches_what_vibe_schema_prints()
    {
        using var scratch = new TempWorkspace();

        var result = await VibeProcess.RunAsync(scratch.Directory, TempData(scratch), "schema");

        Assert.Equal(0, result.ExitCode);
        var committed = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "robots.schema.json"));
        Assert.True(committed == result.Output, "robots.schema.json is out of date: regenerate it with `./vibe schema > robots.schema.json`");
    }

    [Fact]
    public async Task The_hello_world_sample_runs_on_a_fresh_sqlite_store()
    {
        using var scratch = new TempWorkspace();

        var result = await VibeProcess.RunAsync(scratch.Directory, TempData(scratch), "--config-dir", TestPaths.RepositoryRoot, "run-now", "hello-world");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Hello from vibe", result.Output, StringComparison.Ordinal);
        Assert.Contains("greeting was hello", result.Output, StringComparison.Ordinal);
    }
}
