using System.Reflection;
using System.Runtime.Loader;
using Vibe.Application.Common.Errors;
using Vibe.Application.Executors;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Executors;

/// <summary>
/// Finds the executor plug-ins: every folder under the configuration folder's <c>executors/</c> and under
/// <c>VIBE_EXECUTORS_DIR</c> holds one published executor (its .dll and .deps.json). Each is loaded into its own
/// <see cref="ExecutorLoadContext"/>; a folder that is not a loadable executor is one clear error naming it.
/// </summary>
public static class ExecutorPluginLoader
{
    /// <summary>The environment variable naming one more folder of executor folders.</summary>
    public const string DirectoryVariable = "VIBE_EXECUTORS_DIR";

    /// <summary>The folders whose sub-folders are executor plug-ins, in the order they are loaded.</summary>
    public static IReadOnlyList<string> Roots(VibeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var roots = new List<string> { Path.Combine(settings.Locations.ConfigDirectory, "executors") };
        if (settings.Environment.Get(DirectoryVariable) is { Length: > 0 } extra)
        {
            var full = Path.GetFullPath(extra, settings.Locations.ConfigDirectory);
            if (!Directory.Exists(full))
            {
                throw VibeException.Invalid($"{DirectoryVariable}={extra}: no such folder ({full})");
            }

            roots.Add(full);
        }

        return roots.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Loads the main assembly of every plug-in folder under <paramref name="roots"/>.</summary>
    public static IReadOnlyList<Assembly> Load(IEnumerable<string> roots)
    {
        var assemblies = new List<Assembly>();
        foreach (var root in roots.Where(Directory.Exists))
        {
            foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
            {
                assemblies.Add(LoadFolder(folder));
            }
        }

        return assemblies;
    }

    private static Assembly LoadFolder(string folder)
    {
        var deps = Directory.GetFiles(folder, "*.deps.json");
        if (deps.Length != 1)
        {
            throw VibeException.Invalid(deps.Length == 0
                ? $"executor folder {folder}: no .deps.json found; put the output of `dotnet publish` of one executor project here"
                : $"executor folder {folder}: {deps.Length} .deps.json files ({string.Join(", ", deps.Select(Path.GetFileName))}); put one executor per folder");
        }

        var main = Path.Combine(folder, Path.GetFileName(deps[0])[..^".deps.json".Length] + ".dll");
        if (!File.Exists(main))
        {
            throw VibeException.Invalid($"executor folder {folder}: {Path.GetFileName(deps[0])} names no {Path.GetFileName(main)} beside it");
        }

        try
        {
            return new ExecutorLoadContext(main).LoadFromAssemblyPath(main);
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or FileNotFoundException or IOException or UnauthorizedAccessException)
        {
            throw VibeException.Invalid($"executor folder {folder}: cannot load {Path.GetFileName(main)}: {ex.Message}");
        }
    }

    /// <summary>Runs <paramref name="register"/> on a plug-in assembly; its mistakes are reported with the folder it came from.</summary>
    public static void Register(Assembly assembly, Action<Assembly> register)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(register);
        var folder = Path.GetDirectoryName(assembly.Location);
        try
        {
            register(assembly);
        }
        catch (VibeException ex)
        {
            throw VibeException.Invalid($"executor folder {folder}: {ex.Message}");
        }
        catch (Exception ex) when (ex is ReflectionTypeLoadException or TypeLoadException or FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw VibeException.Invalid($"executor folder {folder}: {ex.GetType().Name}: {ex.Message}");
        }
    }
}

/// <summary>
/// One plug-in's load context: vibe's contract (Vibe.Application, Vibe.Domain, what they reference and
/// Microsoft.Extensions.*) comes from vibe itself so that types unify; everything else the plug-in brings is
/// resolved from its own folder through its .deps.json.
/// </summary>
internal sealed class ExecutorLoadContext(string mainAssemblyPath)
    : AssemblyLoadContext(Path.GetFileNameWithoutExtension(mainAssemblyPath), isCollectible: false)
{
    private static readonly HashSet<string> Shared = SharedNames();

    private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name ?? string.Empty;
        if (Shared.Contains(name) || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
        {
            // Null: the default context (vibe's own copy) answers.
            return null;
        }

        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    private static HashSet<string> SharedNames()
    {
        var contract = typeof(IRobotExecutor).Assembly;
        var domain = typeof(Vibe.Domain.Runs.TaskRun).Assembly;
        return contract.GetReferencedAssemblies().Concat(domain.GetReferencedAssemblies())
            .Select(reference => reference.Name!)
            .Append(contract.GetName().Name!)
            .Append(domain.GetName().Name!)
            .ToHashSet(StringComparer.Ordinal);
    }
}
