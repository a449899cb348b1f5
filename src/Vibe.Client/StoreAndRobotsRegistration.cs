using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Application.Robots.Definitions;
using Vibe.Application.Store;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Persistence;
using Vibe.Infrastructure.Robots;
using Vibe.Infrastructure.Scheduling;

namespace Vibe.Client;

/// <summary>
/// What vibe itself and a program using it as a library share: the settings from .env, the run store of the configured
/// provider and the robot files' reader and validator. The service adds its parts on top (AddVibeInfrastructure).
/// </summary>
internal static class StoreAndRobotsRegistration
{
    public static IServiceCollection AddVibeStoreAndRobots(this IServiceCollection services, VibeSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(settings.Environment);
        services.AddSingleton<IEnvironmentReader>(settings.Environment);
        services.AddSingleton(settings.Locations);
        services.AddSingleton(settings.Configuration);

        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddVibeDatabase(settings.Database, settings.Locations.DefaultSqlitePath);
        services.AddSingleton<ITransientErrorDetector, TransientErrorDetector>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<IStoreMigrator>(provider => provider.GetRequiredService<DatabaseMigrator>());
        services.AddSingleton<IStoreUnits, StoreUnits>();

        // A run's files (its folder here, its evidence in the store) are part of what a program reading runs sees.
        services.AddSingleton<IRunFiles, Vibe.Infrastructure.Files.RunFiles>();

        services.AddSingleton<IScheduleCalendar, QuartzScheduleCalendar>();
        services.AddSingleton<IValidator<RobotSpec>, RobotSpecValidator>();
        services.AddSingleton<RobotFileLoader>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
