namespace Vibe.Application.Executors;

/// <summary>Picks the executor a robot names, and knows which actions each executor accepts.</summary>
public sealed class ExecutorRegistry
{
    private readonly Dictionary<string, IRobotExecutor> _executors;
    private readonly Dictionary<string, ISharedAction> _shared;

    public ExecutorRegistry(IEnumerable<IRobotExecutor> executors, IEnumerable<ISharedAction> sharedActions)
    {
        var all = executors.ToList();
        if (all.GroupBy(executor => executor.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1) is { } twice)
        {
            // Two plug-ins (or a plug-in and a built-in) claim one name: say which, rather than pick one silently.
            throw Common.Errors.VibeException.Invalid(
                $"executor '{twice.Key}' is registered more than once (by {string.Join(", ", twice.Select(executor => $"{executor.GetType().Assembly.GetName().Name} in {Path.GetDirectoryName(executor.GetType().Assembly.Location)}"))}); rename one");
        }

        _executors = all.ToDictionary(executor => executor.Name, StringComparer.OrdinalIgnoreCase);
        // Action names are matched exactly, here as in every executor's dispatch: "Click" is not "click".
        _shared = sharedActions.ToDictionary(action => action.Descriptor.Name, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> ExecutorNames => _executors.Keys.Order(StringComparer.Ordinal).ToList();

    public IRobotExecutor? FindExecutor(string name) => _executors.GetValueOrDefault(name);

    public ISharedAction? FindSharedAction(string action) => _shared.GetValueOrDefault(action);

    /// <summary>The action as <paramref name="executorName"/> understands it, shared or its own; null if unknown.</summary>
    public ActionDescriptor? Describe(string executorName, string action)
    {
        if (_shared.TryGetValue(action, out var shared))
        {
            return shared.Descriptor;
        }

        return FindExecutor(executorName)?.Actions
            .FirstOrDefault(descriptor => string.Equals(descriptor.Name, action, StringComparison.Ordinal));
    }

    public IEnumerable<string> ActionNames(string executorName) =>
        _shared.Keys.Concat(FindExecutor(executorName)?.Actions.Select(descriptor => descriptor.Name) ?? []);
}
