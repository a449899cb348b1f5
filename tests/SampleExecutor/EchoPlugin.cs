using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Executors;
using Vibe.Application.Executors.Plugins;

[assembly: VibeExecutor(typeof(SampleExecutor.EchoPlugin))]

namespace SampleExecutor;

/// <summary>The entry point vibe calls: registers the "echo" executor.</summary>
public sealed class EchoPlugin : IVibeExecutorPlugin
{
    public void Register(IServiceCollection services) => services.AddSingleton<IRobotExecutor, EchoExecutor>();
}
