using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Executors;
using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>
/// The docs say what validation does: their action tables are the ones `vibe schema --markdown` renders from the
/// action descriptors, and every setting of an executor's option block is documented (and nothing else is).
/// </summary>
public partial class DocsDriftTests
{
    [Theory]
    [InlineData("shared", "README.md")]
    [InlineData("web", "docs/web.md")]
    [InlineData("desktop", "docs/desktop.md")]
    public async Task The_action_table_in_the_docs_is_the_one_the_descriptors_render(string section, string document)
    {
        using var scratch = new TempWorkspace();
        var result = await VibeProcess.RunAsync(scratch.Directory, "schema", "--markdown");
        Assert.True(result.ExitCode == 0, result.ToString());

        var block = Regex.Match(result.Output, $"<!-- {section}: .*?<!-- /{section} -->\n", RegexOptions.Singleline);
        Assert.True(block.Success, $"`vibe schema --markdown` prints no {section} table\n{result}");
        var text = (await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, document))).ReplaceLineEndings("\n");
        Assert.True(text.Contains(block.Value, StringComparison.Ordinal),
            $"{document} differs from the action descriptors: replace its {section} table with this one (`./vibe schema --markdown`):\n{block.Value}");
    }

    [Theory]
    [InlineData("web", "docs/web.md")]
    [InlineData("desktop", "docs/desktop.md")]
    public async Task Every_option_block_setting_is_documented_and_every_documented_one_exists(string executor, string document)
    {
        using var workspace = new TempWorkspace().WriteRobots("""{ "robots": [] }""");
        await using var vibe = await InProcessVibe.StartAsync(workspace, migrate: false);
        var settings = vibe.Services.GetRequiredService<ExecutorRegistry>().FindExecutor(executor)!.Options.Select(option => option.Name).ToHashSet();
        var text = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, document));

        // The block's table is the first table whose header starts with "setting" or "robot `web.` key".
        var table = OptionTable().Match(text);
        Assert.True(table.Success, $"{document} has no table of the \"{executor}\" block");
        var documented = Row().Matches(table.Value).Select(row => row.Groups[1].Value).ToHashSet();

        Assert.Empty(settings.Except(documented));
        Assert.Empty(documented.Except(settings));
    }

    [GeneratedRegex(@"\| (?:setting|robot `web\.` key) \|[^\n]*\n\|[-|]+\n(?:\|[^\n]*\n)+")]
    private static partial Regex OptionTable();

    [GeneratedRegex(@"^\| `([A-Za-z]+)` \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
