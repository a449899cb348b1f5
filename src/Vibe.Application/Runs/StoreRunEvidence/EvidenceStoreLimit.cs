using System.Globalization;

namespace Vibe.Application.Runs.StoreRunEvidence;

/// <summary>
/// How much of a failed run's evidence is copied into the store (VIBE_EVIDENCE_STORE_MB, default 20; 0 turns the copy
/// off). Over it, the biggest files stay only on the host that ran the run, and the run's log says which.
/// </summary>
public sealed record EvidenceStoreLimit(long MaxBytes, string Setting)
{
    public const string SettingName = "VIBE_EVIDENCE_STORE_MB";

    public const decimal DefaultMegabytes = 20;

    /// <summary>Above this a single store value (PostgreSQL bytea, SQLite blob) gets near its provider's limit of about 1 GB.</summary>
    public const decimal MaxMegabytes = 512;

    public static EvidenceStoreLimit Default { get; } = FromMegabytes(DefaultMegabytes);

    public bool IsOff => MaxBytes == 0;

    public static EvidenceStoreLimit FromMegabytes(decimal megabytes) =>
        new((long)(megabytes * 1024 * 1024), $"{SettingName}={megabytes.ToString(CultureInfo.InvariantCulture)}");
}
