using System.Text;
using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Inspect;

/// <summary>What `vibe inspect` prints: the windows, or the element tree of the windows a selector names.</summary>
public interface IDesktopInspector
{
    /// <summary>
    /// With no selector, every top-level window and a selector for each; with one (<c>window[title*="Notepad"]</c>),
    /// the element tree of each matching window with a selector beside every element a robot would act on.
    /// Throws <see cref="Vibe.Application.Executors.SessionUnavailableException"/> when there is no desktop, and
    /// <see cref="SelectorSyntaxException"/> for a bad selector.
    /// </summary>
    ValueTask<string> DescribeAsync(string? windowSelector, int maxDepth, CancellationToken cancellationToken);
}

internal sealed class DesktopInspector : IDesktopInspector
{
    private readonly DesktopDrivers _drivers;

    public DesktopInspector(DesktopDrivers drivers)
    {
        _drivers = drivers;
    }

    public async ValueTask<string> DescribeAsync(string? windowSelector, int maxDepth, CancellationToken cancellationToken)
    {
        var selector = string.IsNullOrWhiteSpace(windowSelector) ? null : DesktopSelector.ParseWindow(windowSelector);
        await using var driver = await _drivers.OpenAsync(new DesktopDriverOptions(), cancellationToken);
        var session = await driver.CheckSessionAsync(cancellationToken);
        var text = new StringBuilder().AppendLine(session.Describe()).AppendLine();
        var windows = (await driver.ListWindowsAsync(cancellationToken)).Where(window => window.IsVisible).ToList();
        if (selector is null)
        {
            return text.Append(ElementTreeText.FormatWindows(windows)).ToString();
        }

        var matches = windows.Where(selector.Matches).ToList();
        if (matches.Count == 0)
        {
            return text.AppendLine($"no window matches {selector}; open windows:").Append(ElementTreeText.FormatWindows(windows)).ToString();
        }

        foreach (var window in matches)
        {
            try
            {
                var tree = await driver.GetElementTreeAsync(window, maxDepth, cancellationToken);
                text.AppendLine(ElementTreeText.Format(window, tree, windows: windows));
            }
            catch (DesktopDriverException ex)
            {
                text.Append("window ").AppendLine(window.ToString()).Append("  (no element tree: ").Append(ex.Message).AppendLine(")").AppendLine();
            }
        }

        return text.ToString();
    }
}
