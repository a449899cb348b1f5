using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Vibe.Infrastructure.Persistence;

/// <summary>
/// A store provider shipped as a package of its own, so that a program using another one does not carry its driver
/// (SQL Server's brings some 70 MB of identity libraries and native code; docs/decisions/0016).
/// </summary>
internal interface IServerStore
{
    /// <summary>Registers the provider's context for <paramref name="connection"/> (through DatabaseRegistration.AddContext).</summary>
    void AddContext(IServiceCollection services, string connection);

    /// <summary>The connection string as the driver reads it; throws the driver's exception when it cannot.</summary>
    string ParseConnectionString(string connection);

    /// <summary>Whether the exception is one of the provider's errors worth a retry.</summary>
    bool IsTransient(Exception exception);
}

/// <summary>Names the <see cref="IServerStore"/> of a provider assembly.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class ServerStoreAttribute(Type store) : Attribute
{
    public Type Store { get; } = store;
}

/// <summary>Finds the package of a provider that is not built into Vibe.Client, by its assembly name.</summary>
internal static class ServerStores
{
    private static readonly Dictionary<string, string> Assemblies = new(StringComparer.Ordinal)
    {
        [DatabaseProviders.SqlServer] = "Vibe.Client.SqlServer",
    };

    /// <summary>Why the provider cannot be used here (its package is missing), or null.</summary>
    public static string? MissingPackage(string provider)
    {
        try
        {
            _ = Find(provider);
            return null;
        }
        catch (MissingStorePackageException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The store of <paramref name="provider"/>, or null when it is built in; throws when its package is missing.</summary>
    public static IServerStore? Find(string provider)
    {
        if (!Assemblies.TryGetValue(provider, out var name))
        {
            return null;
        }

        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName(name));
        }
        catch (FileNotFoundException)
        {
            throw new MissingStorePackageException($"VIBE_DB_PROVIDER is {provider}, but this program has no {name}: add the {name} package to it");
        }

        var attribute = assembly.GetCustomAttribute<ServerStoreAttribute>()
            ?? throw new MissingStorePackageException($"{name} names no store ([assembly: ServerStore(...)])");
        return (IServerStore)Activator.CreateInstance(attribute.Store)!;
    }
}

/// <summary>The provider .env names is not in this program.</summary>
internal sealed class MissingStorePackageException(string message) : Exception(message);
