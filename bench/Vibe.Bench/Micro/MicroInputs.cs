using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vibe.Host;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Bench.Micro;

/// <summary>
/// What the benchmark classes need from the figure. BenchmarkDotNet creates them itself (in this process, with the
/// in-process toolchain), so the figure hands them over here before it starts.
/// </summary>
internal static class MicroInputs
{
    public static string RepositoryRoot { get; set; } = "";

    /// <summary>vibe's composition root over the repository's own files: no environment variable may point it elsewhere.</summary>
    public static ServiceProvider ShippedServices()
    {
        var settings = VibeSettings.Load(RepositoryRoot, _ => null, []);
        return new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddVibe(settings)
            .BuildServiceProvider();
    }
}
