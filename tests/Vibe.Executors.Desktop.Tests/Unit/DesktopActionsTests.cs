using Vibe.Executors.Desktop.Executor.Actions;

namespace Vibe.Executors.Desktop.Tests.Unit;

public class DesktopActionsTests
{
    [Fact]
    public void Every_action_is_found_by_the_name_its_descriptor_declares()
    {
        // Dispatch and validation read the same name, so a name without code cannot pass validate and fail the run.
        Assert.All(DesktopActions.All, pair => Assert.Equal(pair.Key, pair.Value.Descriptor.Name));
        Assert.Equal(DesktopActions.All.Count, DesktopActions.Descriptors.Count);
    }

    [Fact]
    public void Every_desktop_action_declares_all_its_parameters_with_types()
    {
        Assert.All(DesktopActions.Descriptors, action => Assert.NotNull(action.Parameters));
    }

    [Fact]
    public void Action_names_are_case_sensitive()
    {
        Assert.True(DesktopActions.All.ContainsKey("click"));
        Assert.False(DesktopActions.All.ContainsKey("Click"));
    }
}
