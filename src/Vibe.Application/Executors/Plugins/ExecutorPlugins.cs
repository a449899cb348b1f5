using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Common.Errors;

namespace Vibe.Application.Executors.Plugins;

/// <summary>Registers the executors an assembly declares with <see cref="VibeExecutorAttribute"/>.</summary>
public static class ExecutorPlugins
{
    /// <summary>
    /// Creates every <see cref="IVibeExecutorPlugin"/> that <paramref name="assembly"/> names and lets it register
    /// itself. A mistake in the assembly (no attribute, a type that is not a plug-in, a plug-in that throws) is a
    /// <see cref="VibeException"/> of kind Invalid whose message says what is wrong.
    /// </summary>
    public static IServiceCollection AddExecutorPlugin(this IServiceCollection services, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var name = assembly.GetName().Name;
        var declared = assembly.GetCustomAttributes<VibeExecutorAttribute>().ToList();
        if (declared.Count == 0)
        {
            throw VibeException.Invalid($"{name} declares no executor: add [assembly: VibeExecutor(typeof(YourPlugin))]");
        }

        foreach (var attribute in declared)
        {
            var type = attribute.PluginType;
            if (!typeof(IVibeExecutorPlugin).IsAssignableFrom(type))
            {
                var contract = typeof(IVibeExecutorPlugin).Assembly.GetName();
                var own = type.GetInterfaces().FirstOrDefault(candidate => candidate.FullName == typeof(IVibeExecutorPlugin).FullName);
                throw VibeException.Invalid(own is null
                    ? $"{name}: {type.FullName} does not implement {typeof(IVibeExecutorPlugin).FullName}"
                    : $"{name}: {type.FullName} implements IVibeExecutorPlugin of another {contract.Name} ({own.Assembly.GetName().Version}) than this vibe's ({contract.Version}); do not load your own copy of {contract.Name}");
            }

            if (type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
            {
                throw VibeException.Invalid($"{name}: {type.FullName} needs a public parameterless constructor");
            }

            IVibeExecutorPlugin plugin;
            try
            {
                plugin = (IVibeExecutorPlugin)Activator.CreateInstance(type)!;
                plugin.Register(services);
            }
            catch (Exception ex) when (ex is not VibeException)
            {
                var cause = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
                throw VibeException.Invalid($"{name}: {type.FullName} failed to register: {cause.GetType().Name}: {cause.Message}");
            }
        }

        return services;
    }
}
