using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Vibe.Executors.Desktop.Windows.Interop;

/// <summary>UIAutomationClient.h's IUIAutomationTreeWalker. A null result means "no such relative".</summary>
[GeneratedComInterface]
[Guid("4042C624-389C-4AFC-A630-9DF854A541FC")]
internal partial interface IUIAutomationTreeWalker
{
    IUIAutomationElement? GetParentElement(IUIAutomationElement element);

    IUIAutomationElement? GetFirstChildElement(IUIAutomationElement element);

    IUIAutomationElement? GetLastChildElement(IUIAutomationElement element);

    IUIAutomationElement? GetNextSiblingElement(IUIAutomationElement element);

    IUIAutomationElement? GetPreviousSiblingElement(IUIAutomationElement element);

    IUIAutomationElement? NormalizeElement(IUIAutomationElement element);

    IUIAutomationElement? GetParentElementBuildCache(IUIAutomationElement element, IUIAutomationCacheRequest cacheRequest);

    IUIAutomationElement? GetFirstChildElementBuildCache(IUIAutomationElement element, IUIAutomationCacheRequest cacheRequest);

    IUIAutomationElement? GetLastChildElementBuildCache(IUIAutomationElement element, IUIAutomationCacheRequest cacheRequest);

    IUIAutomationElement? GetNextSiblingElementBuildCache(IUIAutomationElement element, IUIAutomationCacheRequest cacheRequest);

    IUIAutomationElement? GetPreviousSiblingElementBuildCache(IUIAutomationElement element, IUIAutomationCacheRequest cacheRequest);

    IUIAutomationElement? NormalizeElementBuildCache(IUIAutomationElement element, IUIAutomationCacheRequest cacheRequest);

    IUIAutomationCondition get_Condition();
}
