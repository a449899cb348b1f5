using Vibe.Application.Common.Interfaces;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Files;

/// <summary>One folder per run under the data folder: runs/&lt;id&gt;/ for the robot's files, runs/&lt;id&gt;/evidence/ on failure.</summary>
internal sealed class RunFiles : IRunFiles
{
    private readonly VibeLocations _locations;

    public RunFiles(VibeLocations locations) => _locations = locations;

    public string RunFolder(long runId) => Directory.CreateDirectory(Path.Combine(_locations.RunsDirectory, runId.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;

    public string EvidenceFolder(long runId) => Directory.CreateDirectory(Path.Combine(RunFolder(runId), "evidence")).FullName;
}
