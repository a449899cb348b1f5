using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace Vibe.Executors.Desktop.Windows.Interop;

/// <summary>UIAutomationClient.h's IUIAutomationCacheRequest: which properties FindAllBuildCache fetches in one round trip.</summary>
[GeneratedComInterface]
[Guid("B32A92B5-BC25-4078-9C08-D7EE95C48E03")]
internal partial interface IUIAutomationCacheRequest
{
    void AddProperty(int propertyId);

    void AddPattern(int patternId);

    IUIAutomationCacheRequest Clone();

    TreeScope get_TreeScope();

    void put_TreeScope(TreeScope scope);

    IUIAutomationCondition get_TreeFilter();

    void put_TreeFilter(IUIAutomationCondition filter);

    AutomationElementMode get_AutomationElementMode();

    void put_AutomationElementMode(AutomationElementMode mode);
}
