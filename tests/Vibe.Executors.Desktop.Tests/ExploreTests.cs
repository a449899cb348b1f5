using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Linux;
using Xunit.Abstractions;

namespace Vibe.Executors.Desktop.Tests;

[Collection(DesktopCollection.Name)]
public sealed class ExploreTests(DesktopFixture desktop, ITestOutputHelper output)
{
    [Fact]
    public async Task Explore()
    {
        var zenity = desktop.Start("zenity", ["--entry", "--title=Vibe entry", "--text=Your name?"]);
        await using var driver = await new X11DriverFactory().OpenAsync(new DesktopDriverOptions(), CancellationToken.None);
        output.WriteLine((await driver.CheckSessionAsync(CancellationToken.None)).Describe());
        for (var i = 0; i < 50; i++)
        {
            var windows = await driver.ListWindowsAsync(CancellationToken.None);
            if (windows.Any(w => w.ProcessId == zenity.Id))
            {
                break;
            }

            await Task.Delay(100);
        }

        foreach (var window in await driver.ListWindowsAsync(CancellationToken.None))
        {
            output.WriteLine(window.ToString());
        }

        var target = (await driver.ListWindowsAsync(CancellationToken.None)).First(w => w.ProcessId == zenity.Id);
        await Task.Delay(1000);
        var tree = await driver.GetElementTreeAsync(target, 20, CancellationToken.None);
        Print(tree, 0);
        DesktopFixture.Stop(zenity);
    }

    private void Print(ElementNode node, int depth)
    {
        output.WriteLine(new string(' ', depth * 2) + node.Info);
        foreach (var child in node.Children)
        {
            Print(child, depth + 1);
        }
    }
}
