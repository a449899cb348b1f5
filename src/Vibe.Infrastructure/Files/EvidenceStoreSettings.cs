using System.Globalization;
using Microsoft.Extensions.Configuration;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Runs.StoreRunEvidence;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Files;

/// <summary>VIBE_EVIDENCE_STORE_MB: megabytes of a failed run's evidence copied into the store (default 20, 0 turns it off).</summary>
internal static class EvidenceStoreSettings
{
    private const string Key = "Evidence:StoreMb";

    /// <summary>The limit as set; a value that is not a number from 0 to 512 keeps the default (`vibe validate` reports it).</summary>
    public static EvidenceStoreLimit From(IConfiguration configuration, List<string>? problems = null)
    {
        var text = configuration[Key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return EvidenceStoreLimit.Default;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var megabytes)
            && megabytes <= EvidenceStoreLimit.MaxMegabytes)
        {
            return EvidenceStoreLimit.FromMegabytes(megabytes);
        }

        problems?.Add($"{EvidenceStoreLimit.SettingName} is '{text}'; use a number of megabytes from 0 to {EvidenceStoreLimit.MaxMegabytes} (0 turns the copy into the store off; default {EvidenceStoreLimit.DefaultMegabytes})");
        return EvidenceStoreLimit.Default;
    }
}

/// <summary>`vibe validate` (and the service at start-up) report a VIBE_EVIDENCE_STORE_MB that is not a size.</summary>
internal sealed class EvidenceStoreSettingsCheck(IConfiguration configuration, VibeLocations locations) : ISettingsCheck
{
    public IEnumerable<ConfigError> Check()
    {
        var problems = new List<string>();
        EvidenceStoreSettings.From(configuration, problems);
        return problems.Select(problem => new ConfigError(locations.EnvFile, problem));
    }
}
