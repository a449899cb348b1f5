using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vibe.Host;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Robots;

namespace Vibe.Bench.Micro;

/// <summary>
/// Reading and validating the shipped robots.json and robots.d/*.json with vibe's own loader, as every CLI command
/// does once (the catalog keeps the result for the rest of the process).
/// </summary>
[MemoryDiagnoser]
public class RobotFileBenchmarks
{
    /// <summary>What the shipped files hold, for the report ("6 robots in 5 files").</summary>
    public static string? Shipped { get; private set; }

    private ServiceProvider _services = null!;
    private RobotFileLoader _loader = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = MicroInputs.ShippedServices();
        _loader = _services.GetRequiredService<RobotFileLoader>();
        var loaded = _loader.Load();
        if (!loaded.IsValid || loaded.Robots.Count == 0)
        {
            throw new InvalidOperationException("the shipped robot files do not load: " + string.Join("; ", loaded.Errors));
        }

        Shipped = $"{loaded.Robots.Count} robots in {loaded.Files.Count} files";
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "RobotFileLoader.Load, shipped robots.json + robots.d")]
    public object LoadShippedRobots() => _loader.Load();
}
