using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Domain.Robots;
using Vibe.Executors.Web.Options;
using Vibe.Host;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Bench.Micro;

/// <summary>
/// The web executor's own work before it calls Playwright: finding the robot file's folder in the catalog and
/// reading the web settings (figure 6 measures the whole session, where Playwright and the browser dominate).
/// </summary>
[MemoryDiagnoser]
public class WebSessionSetupBenchmarks
{
    private ServiceProvider _services = null!;
    private IRobotCatalog _catalog = null!;
    private IEnvironmentReader _environment = null!;
    private RobotDefinition _robot = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = MicroInputs.ShippedServices();
        _catalog = _services.GetRequiredService<IRobotCatalog>();
        _environment = _services.GetRequiredService<IEnvironmentReader>();
        _robot = _catalog.GetAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult().Find("web-sample")
            ?? throw new InvalidOperationException("the shipped robots.d/web-sample.json is missing");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "web executor before Playwright: robot folder + web settings (web-sample)")]
    public object FolderAndSettings() => WebOptionsReader.Read(_robot, _environment, _robot.Folder);
}
