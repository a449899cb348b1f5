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
