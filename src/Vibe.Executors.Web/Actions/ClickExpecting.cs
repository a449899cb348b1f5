using Vibe.Executors.Web.Session;

namespace Vibe.Executors.Web.Actions;

/// <summary>
/// For actions that click and wait for what the click starts (a download, a tab): when the click worked but
/// nothing started, say that, rather than blame the element.
/// </summary>
internal static class ClickExpecting
{
    public static async Task<T> EventAsync<T>(WebStep step, string nothingHappened, Func<Task<T>> clickAndWait)
    {
        try
        {
            return await clickAndWait();
        }
        catch (TimeoutException ex) when (ex.Message.Contains("waiting for event", StringComparison.OrdinalIgnoreCase))
        {
            throw new WebStepException(
                $"clicking {step.Describe(step.Selector!)} {nothingHappened} within {WebStep.Format(step.EffectiveTimeout)}", ex);
        }
    }
}
