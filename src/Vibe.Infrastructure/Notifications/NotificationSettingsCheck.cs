using Vibe.Application.Common.Interfaces;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Notifications;

/// <summary>`vibe validate` reports wrong or missing mail settings before the first failure does.</summary>
internal sealed class NotificationSettingsCheck : ISettingsCheck
{
    private readonly SmtpOptionsValidator _validator;
    private readonly VibeLocations _locations;

    public NotificationSettingsCheck(SmtpOptionsValidator validator, VibeLocations locations)
    {
        _validator = validator;
        _locations = locations;
    }

    public IEnumerable<ConfigError> Check() =>
        _validator.CurrentProblems().Select(problem => new ConfigError(_locations.EnvFile, problem));
}
