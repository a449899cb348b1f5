namespace Vibe.Application.Common.Interfaces;

/// <summary>Where a run's files go in the data folder.</summary>
public interface IRunFiles
{
    /// <summary>The run's folder (created on demand): downloads and screenshots the robot makes.</summary>
    string RunFolder(long runId);

    /// <summary>The run's failure evidence folder (created on demand).</summary>
    string EvidenceFolder(long runId);
}
