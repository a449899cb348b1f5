namespace Vibe.Application.Common.Interfaces;

/// <summary>Where a run's files go in the data folder.</summary>
public interface IRunFiles
{
    /// <summary>The run's folder (created on demand): downloads and screenshots the robot makes.</summary>
    string RunFolder(long runId);

    /// <summary>The run's failure evidence folder (created on demand).</summary>
    string EvidenceFolder(long runId);

    /// <summary>
    /// The run's folder in this host's data folder when it exists, else null. For readers (the dashboard, `vibe
    /// status`, the evidence copy): looking at a run of another host must not create an empty folder for it here.
    /// </summary>
    string? ExistingRunFolder(long runId);
}
