using System.Reflection;
using Cocona.Application;

namespace Vibe.Host.Cli;

/// <summary>Help and usage name the program `vibe`; Cocona would take the process name, which is `dotnet`.</summary>
internal sealed class VibeMetadata : ICoconaApplicationMetadataProvider
{
    private static readonly Assembly Entry = typeof(VibeMetadata).Assembly;

    public string GetExecutableName() => CommandLineUsage.Program;

    public string GetDescription() => "vibe runs the robots declared in robots.json: on their schedules, or now (README.md)";

    public string GetProductName() => Entry.GetCustomAttribute<AssemblyProductAttribute>()?.Product ?? CommandLineUsage.Program;

    public string GetVersion() => Entry.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0";
}
