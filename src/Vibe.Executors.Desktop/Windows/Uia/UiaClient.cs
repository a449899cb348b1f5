using System.Runtime.Versioning;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.Uia;

/// <summary>
/// The UI Automation side of the Windows driver: finding elements, reading them, and their patterns. Every
/// method must run on the <see cref="ComThread"/> (the driver makes sure); each is synchronous for that reason.
/// Only <see cref="Create"/> needs Windows: over any IUIAutomation (a test's managed fake) the logic runs anywhere.
/// </summary>
internal sealed class UiaClient
{
    private const int MaxTreeNodes = 5000;
    private readonly IUIAutomation _automation;
    private readonly IUIAutomationCacheRequest _cache;
    private readonly bool _withIsDialog;

    private UiaClient(IUIAutomation automation)
    {
        _automation = automation;
        (_cache, _withIsDialog) = UiaErrors.Guard("preparing UI Automation", () =>
        {
            var cache = UiaElementReader.CreateCacheRequest(automation, out var withIsDialog);
            return (cache, withIsDialog);
        });
    }

    /// <summary>Creates the UIA3 client (CUIAutomation8, else CUIAutomation on systems before Windows 8).</summary>
    [SupportedOSPlatform("windows")]
    public static UiaClient Create()
    {
        var iid = typeof(IUIAutomation).GUID;
        var result = Ole32.CoCreateInstance(Ole32.CLSID_CUIAutomation8, 0, Ole32.CLSCTX_INPROC_SERVER, iid, out var unknown);
        if (result < 0)
        {
            result = Ole32.CoCreateInstance(Ole32.CLSID_CUIAutomation, 0, Ole32.CLSCTX_INPROC_SERVER, iid, out unknown);
        }

        if (result < 0)
        {
            throw new DesktopDriverException(UiaErrors.NotAvailable(result));
        }

        return new UiaClient(UiaPatterns.Wrap<IUIAutomation>(unknown));
    }

    public static UiaClient Over(IUIAutomation automation) => new(automation);

    public IReadOnlyList<DesktopElement> FindElements(DesktopWindow window, UiaDesktopElement? scope, ElementSelector selector, int limit)
    {
        var root = scope?.Element ?? WindowElement(window);
        var found = UiaErrors.Guard($"searching for {selector} in {window}", () =>
            root.FindAllBuildCache(TreeScope.Descendants, UiaConditionBuilder.Build(_automation, UiaSelectorMapping.ToCondition(selector)), _cache));
        var matches = new List<DesktopElement>();
        if (found is null)
        {
            return matches;
        }

        var count = UiaErrors.Guard("counting the elements found", found.get_Length);
        for (var i = 0; i < count && matches.Count < limit; i++)
        {
            var index = i;
            var element = UiaErrors.Guard("reading a found element", () => found.GetElement(index));
            var info = UiaErrors.Guard("reading a found element", () => UiaElementReader.Read(element, cached: true, _withIsDialog));
            if (selector.Matches(info))
            {
                matches.Add(new UiaDesktopElement(window, info, element));
            }
        }

        return matches;
    }

    public ElementInfo Describe(UiaDesktopElement element) =>
        UiaErrors.Guard($"reading {element.Info}", () => UiaElementReader.Read(element.Element, cached: false, _withIsDialog));

    /// <summary>The control view of the window (what inspection tools show), at most <see cref="MaxTreeNodes"/> nodes.</summary>
    public ElementNode Tree(DesktopWindow window, int maxDepth)
    {
        var root = WindowElement(window);
        var budget = MaxTreeNodes;
        return UiaErrors.Guard($"reading the element tree of {window}", () => Node(_automation.get_ControlViewWalker(), root.BuildUpdatedCache(_cache), maxDepth, ref budget));
    }

    public bool TryInvoke(UiaDesktopElement element)
    {
        var target = element.Element;
        return UiaErrors.Guard($"invoking {element.Info}", () =>
        {
            if (UiaPatterns.Get<IUIAutomationInvokePattern>(target, UiaPatternIds.Invoke) is { } invoke)
            {
                invoke.Invoke();
                return true;
            }

            if (UiaPatterns.Get<IUIAutomationTogglePattern>(target, UiaPatternIds.Toggle) is { } toggle)
            {
                toggle.Toggle();
                return true;
            }

            if (UiaPatterns.Get<IUIAutomationSelectionItemPattern>(target, UiaPatternIds.SelectionItem) is { } item)
            {
                item.Select();
                return true;
            }

            if (UiaPatterns.Get<IUIAutomationExpandCollapsePattern>(target, UiaPatternIds.ExpandCollapse) is { } expand)
            {
                if (expand.get_CurrentExpandCollapseState() == ExpandCollapseState.Collapsed)
                {
                    expand.Expand();
                }
                else
                {
                    expand.Collapse();
                }

                return true;
            }

            return false;
        });
    }

    public void Focus(UiaDesktopElement element) =>
        UiaErrors.Guard($"focusing {element.Info}", () =>
        {
            element.Element.SetFocus();
            return true;
        });

    /// <summary>Replaces the value through the Value pattern; false when the element has none (the driver then types).</summary>
    public bool TrySetValue(UiaDesktopElement element, string text) =>
        UiaErrors.Guard($"setting the text of {element.Info}", () =>
        {
            if (UiaPatterns.Get<IUIAutomationValuePattern>(element.Element, UiaPatternIds.Value) is not { } value)
            {
                return false;
            }

            if (value.get_CurrentIsReadOnly())
            {
                throw new DesktopDriverException($"setting the text of {element.Info}: the element is read-only");
            }

            value.SetValue(text);
            return true;
        });

    public string ReadText(UiaDesktopElement element) =>
        UiaErrors.Guard($"reading the text of {element.Info}", () =>
        {
            if (UiaPatterns.Get<IUIAutomationValuePattern>(element.Element, UiaPatternIds.Value) is { } value)
            {
                return value.get_CurrentValue() ?? "";
            }

            if (UiaPatterns.Get<IUIAutomationTextPattern>(element.Element, UiaPatternIds.Text) is { } text)
            {
                return text.get_DocumentRange().GetText(-1) ?? "";
            }

            return element.Element.get_CurrentName() ?? "";
        });

    public void Select(UiaDesktopElement element, TextMatch item)
    {
        var target = element.Element;
        UiaErrors.Guard($"selecting {item} in {element.Info}", () =>
        {
            var expand = UiaPatterns.Get<IUIAutomationExpandCollapsePattern>(target, UiaPatternIds.ExpandCollapse);
            if (expand is not null && expand.get_CurrentExpandCollapseState() == ExpandCollapseState.Collapsed)
            {
                // A closed combo box often creates its list items only when it opens.
                expand.Expand();
            }

            using var selectable = UiaVariant.FromBoolean(true);
            var condition = _automation.CreatePropertyCondition(UiaPropertyIds.IsSelectionItemPatternAvailable, selectable);
            var items = target.FindAll(TreeScope.Descendants, condition);
            var names = new List<string>();
            for (var i = 0; i < (items?.get_Length() ?? 0); i++)
            {
                var candidate = items!.GetElement(i);
                var name = candidate.get_CurrentName() ?? "";
                if (item.IsMatch(name))
                {
                    UiaPatterns.Get<IUIAutomationSelectionItemPattern>(candidate, UiaPatternIds.SelectionItem)!.Select();
                    if (expand is not null && expand.get_CurrentExpandCollapseState() == ExpandCollapseState.Expanded)
                    {
                        expand.Collapse();
                    }

                    return true;
                }

                names.Add(name);
            }

            throw new DesktopDriverException(
                $"no item {item} in {element.Info}; its items are: "
                + (names.Count == 0 ? "(none)" : string.Join(", ", names.Take(30).Select(name => $"\"{name}\""))));
        });
    }

    public void Toggle(UiaDesktopElement element) =>
        UiaErrors.Guard($"toggling {element.Info}", () =>
        {
            var toggle = UiaPatterns.Get<IUIAutomationTogglePattern>(element.Element, UiaPatternIds.Toggle)
                ?? throw new DesktopDriverException($"{element.Info} cannot be toggled (it has no Toggle pattern)");
            toggle.Toggle();
            return true;
        });

    private IUIAutomationElement WindowElement(DesktopWindow window) =>
        UiaErrors.Guard($"opening {window} with UI Automation", () => _automation.ElementFromHandle((nint)window.Handle))
        ?? throw new DesktopDriverException($"UI Automation does not know the window {window} (it closed?)");

    private ElementNode Node(IUIAutomationTreeWalker walker, IUIAutomationElement element, int depth, ref int budget)
    {
        budget--;
        var info = UiaElementReader.Read(element, cached: true, _withIsDialog);
        var children = new List<ElementNode>();
        if (depth > 0)
        {
            var child = walker.GetFirstChildElementBuildCache(element, _cache);
            while (child is not null && budget > 0)
            {
                children.Add(Node(walker, child, depth - 1, ref budget));
                child = walker.GetNextSiblingElementBuildCache(child, _cache);
            }
        }

        return new ElementNode(info, children);
    }
}
