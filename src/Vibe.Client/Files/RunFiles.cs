using System.Globalization;
using Vibe.Application.Common.Interfaces;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Files;

/// <summary>
/// One folder per run under the data folder: runs/&lt;id&gt;/ for the robot's files, runs/&lt;id&gt;/evidence/ on failure.
/// In the client's assembly: a program using vibe as a library reads runs' files too (GetRun lists them).
/// </summary>
internal sealed class RunFiles(VibeLocations locations) : IRunFiles
{
    public string RunFolder(long runId) => Directory.CreateDirectory(PathOf(runId)).FullName;

    public string EvidenceFolder(long runId) => Directory.CreateDirectory(Path.Combine(RunFolder(runId), "evidence")).FullName;

    public string? ExistingRunFolder(long runId) => Directory.Exists(PathOf(runId)) ? Path.GetFullPath(PathOf(runId)) : null;

    private string PathOf(long runId) => Path.Combine(locations.RunsDirectory, runId.ToString(CultureInfo.InvariantCulture));
}
