using Microsoft.Extensions.DependencyInjection;

namespace Vibe.Application.Executors.Plugins;

/// <summary>
/// The one entry point through which an executor joins vibe: the built-in ones (web, desktop) and the plug-ins
/// loaded from the executors folders alike. Name the implementing type with
/// <c>[assembly: VibeExecutor(typeof(MyPlugin))]</c>; vibe creates it with its parameterless constructor and calls
/// <see cref="Register"/> while it composes its services, before anything runs. See docs/executors.md.
/// </summary>
public interface IVibeExecutorPlugin
{
    /// <summary>
    /// Registers the executor: at least one <see cref="IRobotExecutor"/> (for example
    /// <c>services.AddSingleton&lt;IRobotExecutor, MyExecutor&gt;()</c>), and whatever it needs.
    /// </summary>
    void Register(IServiceCollection services);
}

/// <summary>Names the <see cref="IVibeExecutorPlugin"/> of an executor assembly; vibe looks for this attribute only.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class VibeExecutorAttribute(Type pluginType) : Attribute
{
    /// <summary>A public class with a parameterless constructor that implements <see cref="IVibeExecutorPlugin"/>.</summary>
    public Type PluginType { get; } = pluginType;
}
