using System.Diagnostics;
using System.Runtime.Versioning;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows;

namespace Vibe.Executors.Desktop.WindowsE2E;

/// <summary>
/// The Windows driver against Notepad, as a robot would use it: open, type, save as, read back, close. Works with
/// the classic Notepad (an Edit control) and the Windows 11 one (a RichEdit document, tabs). Close Notepad first:
/// Windows 11 Notepad may add a tab to an open window instead of opening a new one.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class NotepadTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("vibe-notepad-");
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    [WindowsFact]
    public async Task Notepad_opens_types_saves_as_reads_back_and_closes()
    {
        var ct = _timeout.Token;
        var path = Path.Combine(_folder.FullName, "vibe-e2e.txt");
        var text = $"vibe {Guid.NewGuid():N} héllo wörld – 日本";
        await using var driver = await new WindowsDesktopDriverFactory().OpenAsync(new DesktopDriverOptions(), ct);
        var session = await driver.CheckSessionAsync(ct);
        Assert.True(session.IsAvailable, session.Problem);

        var before = (await driver.ListWindowsAsync(ct)).Select(window => window.Handle).ToHashSet();
        await driver.LaunchAsync(new LaunchRequest("notepad.exe", []), ct);
        var notepad = await WaitAsync(
            async () => (await driver.ListWindowsAsync(ct)).FirstOrDefault(window => !before.Contains(window.Handle) && window.Title.Contains("Notepad", StringComparison.OrdinalIgnoreCase)),
            "a new Notepad window (close Notepad before running this test)",
            ct);
        try
        {
            await driver.FocusWindowAsync(notepad, ct);
            var editor = await WaitAsync(() => FindFirstAsync(driver, notepad, "document", "edit"), "Notepad's text area", ct);
            await driver.FocusElementAsync(editor, ct);
            await driver.TypeTextAsync(text, TimeSpan.Zero, ct);
            await WaitAsync(async () => (await driver.ReadTextAsync(editor, ct)).TrimEnd('\r', '\n') == text ? "typed" : null, $"the text area to read \"{text}\"", ct);

            await driver.PressChordAsync(KeyChord.Parse("ctrl+shift+s"), ct);
            var dialog = await WaitAsync(
                async () => (await driver.ListWindowsAsync(ct)).FirstOrDefault(window => window.ProcessId == notepad.ProcessId && window.ClassName == "#32770"),
                "the Save As dialog",
                ct);
            var fileName = await WaitAsync(() => FindFirstAsync(driver, dialog, "edit[id=\"1001\"]"), "the dialog's file name box", ct);
            await driver.SetTextAsync(fileName, path, ct);
            var save = await WaitAsync(() => FindFirstAsync(driver, dialog, "button[id=\"1\"]"), "the dialog's Save button", ct);
            if (!await driver.TryInvokeAsync(save, ct))
            {
                await driver.ClickAsync(save.Info.Bounds.Center, MouseButton.Left, 1, ct);
            }

            await WaitAsync(() => Task.FromResult(File.Exists(path) && new FileInfo(path).Length > 0 ? path : null), $"{path} to be written", ct);
            Assert.Equal(text, File.ReadAllText(path).TrimEnd('\r', '\n'));
            var saved = await WaitAsync(
                async () => (await driver.ListWindowsAsync(ct)).FirstOrDefault(window => window.Handle == notepad.Handle && window.Title.Contains("vibe-e2e", StringComparison.OrdinalIgnoreCase)),
                "Notepad's title to name the saved file",
                ct);

            await driver.RequestCloseAsync(saved, ct);
            await WaitAsync(
                async () => (await driver.ListWindowsAsync(ct)).Any(window => window.Handle == notepad.Handle) ? null : "closed",
                "Notepad to close",
                ct);
        }
        finally
        {
            KillIfRunning(notepad.ProcessId);
        }
    }

    public void Dispose()
    {
        _timeout.Dispose();
        _folder.Delete(recursive: true);
    }

    private static async Task<DesktopElement?> FindFirstAsync(IDesktopDriver driver, DesktopWindow window, params string[] selectors)
    {
        foreach (var selector in selectors)
        {
            var found = await driver.FindElementsAsync(window, null, DesktopSelector.Parse(selector).Path.Single(), 1, CancellationToken.None);
            if (found.Count > 0)
            {
                return found[0];
            }
        }

        return null;
    }

    private static async Task<T> WaitAsync<T>(Func<Task<T?>> probe, string what, CancellationToken ct)
        where T : class
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException($"waited {Patience.TotalSeconds:0} s for {what}");
    }

    private static void KillIfRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            process.Kill();
        }
        catch (ArgumentException)
        {
        }
        catch (InvalidOperationException)
        {
        }
    }
}
