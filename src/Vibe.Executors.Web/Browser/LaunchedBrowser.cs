using Microsoft.Playwright;

namespace Vibe.Executors.Web.Browser;

/// <summary>
/// A running browser and the Playwright driver that controls it. Disposing closes the browser, waiting for its
/// process to end, then stops the driver (which kills whatever the driver still had running).
/// </summary>
internal sealed class LaunchedBrowser : IAsyncDisposable
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);
    private readonly IPlaywright _playwright;
    private readonly IBrowser? _browser;
    private readonly string _tracesFolder;
    private int _disposed;

    public LaunchedBrowser(IPlaywright playwright, IBrowser? browser, IBrowserContext context, string description, string tracesFolder)
    {
        _playwright = playwright;
        _browser = browser;
        _tracesFolder = tracesFolder;
        Context = context;
        Description = description;
    }

    public IBrowserContext Context { get; }

    /// <summary>Which browser this is, for the run log: the executable or channel and its version.</summary>
    public string Description { get; }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            // A persistent context owns its browser: closing it ends the process. Otherwise closing the browser
            // closes its contexts too.
            Task close = _browser is null ? Context.CloseAsync() : _browser.CloseAsync();
            await close.WaitAsync(CloseTimeout);
        }
        catch (Exception)
        {
            // The browser may have crashed or hung; stopping the driver below still takes it down.
        }
        finally
        {
            _playwright.Dispose();
            DeleteQuietly(_tracesFolder);
        }
    }

    public static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file still held open (Windows) stays in the temporary folder; nothing depends on it.
        }
    }
}
