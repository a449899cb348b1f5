using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using Vibe.Executors.Desktop.Windows.Interop;

namespace Vibe.Executors.Desktop.Windows.Uia;

/// <summary>Turns the IUnknown pointers UIA hands out (patterns, the automation object) into generated wrappers.</summary>
internal static class UiaPatterns
{
    /// <summary>The one ComWrappers instance of the binding; its wrappers query interfaces on cast.</summary>
    public static StrategyBasedComWrappers Wrappers { get; } = new();

    /// <summary>The element's pattern <paramref name="patternId"/> as <typeparamref name="T"/>, or null when it does not support it.</summary>
    public static T? Get<T>(IUIAutomationElement element, int patternId)
        where T : class
    {
        var unknown = element.GetCurrentPattern(patternId);
        return unknown == 0 ? null : Wrap<T>(unknown);
    }

    /// <summary>Wraps an owned IUnknown pointer (the reference passes to the wrapper) and casts it, which queries the interface.</summary>
    public static T Wrap<T>(nint unknown)
        where T : class
    {
        try
        {
            return (T)Wrappers.GetOrCreateObjectForComInstance(unknown, CreateObjectFlags.None);
        }
        finally
        {
            Marshal.Release(unknown);
        }
    }
}
