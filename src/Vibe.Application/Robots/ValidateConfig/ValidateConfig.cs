using Mediator;
using Vibe.Application.Common.Interfaces;

namespace Vibe.Application.Robots.ValidateConfig;

/// <summary>Reads every robot file and reports every problem at once.</summary>
public sealed record ValidateConfig : IQuery<ConfigReport>;

public sealed record ConfigReport(IReadOnlyList<string> Files, int RobotCount, IReadOnlyList<ConfigError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>Allowed but probably a mistake (a cron that never fires); validation still passes.</summary>
    public IReadOnlyList<ConfigError> Warnings { get; init; } = [];

    /// <summary>Warnings about the settings and files around the robots (permissions, secrets too short to mask).</summary>
    public IReadOnlyList<string> SettingsWarnings { get; init; } = [];

    /// <summary>Every warning, one line each.</summary>
    public IEnumerable<string> AllWarnings => Warnings.Select(warning => warning.ToString()).Concat(SettingsWarnings);
}

public sealed class ValidateConfigHandler : IQueryHandler<ValidateConfig, ConfigReport>
{
    private readonly IRobotCatalog _catalog;
    private readonly IEnumerable<ISettingsCheck> _settingsChecks;

    public ValidateConfigHandler(IRobotCatalog catalog, IEnumerable<ISettingsCheck> settingsChecks)
    {
        _catalog = catalog;
        _settingsChecks = settingsChecks;
    }

    public async ValueTask<ConfigReport> Handle(ValidateConfig query, CancellationToken cancellationToken)
    {
        var catalog = await _catalog.GetAsync(cancellationToken);
        var errors = catalog.Errors.Concat(_settingsChecks.SelectMany(check => check.Check())).ToList();
        return new ConfigReport(catalog.Files, catalog.Robots.Count, errors)
        {
            Warnings = catalog.Warnings,
            SettingsWarnings = _settingsChecks.SelectMany(check => check.Warnings()).ToList(),
        };
    }
}
