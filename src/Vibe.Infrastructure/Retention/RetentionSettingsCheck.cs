using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Vibe.Application.Common.Interfaces;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Retention;

/// <summary>VIBE_RETENTION_DAYS must be a whole number of days, 0 or more; checked by `vibe validate` and at service start-up.</summary>
internal sealed class RetentionSettingsCheck : ISettingsCheck, IValidateOptions<RetentionOptions>
{
    private readonly IConfiguration _configuration;
    private readonly VibeLocations _locations;

    public RetentionSettingsCheck(IConfiguration configuration, VibeLocations locations)
    {
        _configuration = configuration;
        _locations = locations;
    }

    public IEnumerable<ConfigError> Check() =>
        Problem() is { } problem ? [new ConfigError(_locations.EnvFile, problem)] : [];

    public ValidateOptionsResult Validate(string? name, RetentionOptions options) =>
        options.Days < 0 ? ValidateOptionsResult.Fail(Problem() ?? "VIBE_RETENTION_DAYS must be 0 or more") : ValidateOptionsResult.Success;

    private string? Problem()
    {
        var text = _configuration[$"{RetentionOptions.Section}:{nameof(RetentionOptions.Days)}"];
        return string.IsNullOrWhiteSpace(text) || int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? null
            : $"VIBE_RETENTION_DAYS is '{text}'; use a whole number of days (0 keeps everything)";
    }
}
