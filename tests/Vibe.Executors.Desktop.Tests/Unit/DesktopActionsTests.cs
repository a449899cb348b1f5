using Vibe.Executors.Desktop.Executor;

namespace Vibe.Executors.Desktop.Tests.Unit;

public class DesktopActionsTests
{
    [Fact]
    public void Every_declared_action_has_code_and_every_action_with_code_is_declared()
    {
        // Validation accepts exactly the declared names, so a name without code would pass validate and fail the run.
        Assert.Equal(
            DesktopActions.All.Select(action => action.Name).Order(StringComparer.Ordinal),
            DesktopSession.Handlers.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_desktop_action_declares_all_its_parameters_with_types()
    {
        Assert.All(DesktopActions.All, action => Assert.NotNull(action.Parameters));
    }
}
