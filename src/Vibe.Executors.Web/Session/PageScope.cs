using Microsoft.Playwright;

namespace Vibe.Executors.Web.Session;

/// <summary>
/// Where a step acts: the current tab and, inside it, the chain of iframes entered with the frame action.
/// Switching tabs leaves any frame; a tab the site closed gives way to the last one still open.
/// </summary>
internal sealed class PageScope
{
    private readonly IBrowserContext _context;
    private readonly List<string> _frames = [];
    private readonly List<ILocator> _secretFields = [];
    private IPage _page;

    public PageScope(IBrowserContext context, IPage page)
    {
        _context = context;
        _page = page;
    }

    public IPage Page
    {
        get
        {
            if (_page.IsClosed && _context.Pages.LastOrDefault(page => !page.IsClosed) is { } open)
            {
                _page = open;
                _frames.Clear();
            }

            return _page;
        }
    }

    public IBrowserContext Context => _context;

    public IReadOnlyList<string> Frames => _frames;

    /// <summary>Elements matching a Playwright selector (CSS, text=, role=, xpath=) in the current frame.</summary>
    public ILocator Locator(string selector) => FrameLocator() is { } frame ? frame.Locator(selector) : Page.Locator(selector);

    /// <summary>Elements showing <paramref name="text"/> in the current frame.</summary>
    public ILocator Text(string text) => FrameLocator() is { } frame ? frame.GetByText(text) : Page.GetByText(text);

    /// <summary>The frame itself, for script evaluation: the page's main frame outside any iframe.</summary>
    public async Task<IFrame> FrameAsync(float? timeout)
    {
        if (FrameLocator() is not { } frame)
        {
            return Page.MainFrame;
        }

        var owner = await frame.Owner.ElementHandleAsync(new LocatorElementHandleOptions { Timeout = timeout });
        return await owner.ContentFrameAsync()
            ?? throw new WebStepException($"'{_frames[^1]}' is not an iframe");
    }

    public void EnterFrame(string selector) => _frames.Add(selector);

    public void LeaveFrames() => _frames.Clear();

    public void SwitchTo(IPage page)
    {
        _page = page;
        _frames.Clear();
    }

    /// <summary>
    /// Remembers a field a secret was put into: a password field shows dots, but a plain text field shows what it
    /// holds, so screenshots paint over it (evidence never shows a secret, as the log and the trace do not).
    /// </summary>
    public void HideInScreenshots(ILocator field) => _secretFields.Add(field);

    /// <summary>Whether a secret was put into a field that shows its text.</summary>
    public bool HasSecretFields => _secretFields.Count > 0;

    /// <summary>The fields holding secrets on <paramref name="page"/>, to mask in its screenshots.</summary>
    public List<ILocator> SecretFieldsOn(IPage page) => _secretFields.Where(field => field.Page == page).ToList();

    /// <summary>" in frame 'a' > 'b'" when inside iframes, for messages.</summary>
    public string Where => _frames.Count == 0 ? "" : " in frame " + string.Join(" > ", _frames.Select(frame => $"'{frame}'"));

    private IFrameLocator? FrameLocator()
    {
        IFrameLocator? frame = null;
        foreach (var selector in _frames)
        {
            frame = frame is null ? Page.Locator(selector).ContentFrame : frame.Locator(selector).ContentFrame;
        }

        return frame;
    }
}
