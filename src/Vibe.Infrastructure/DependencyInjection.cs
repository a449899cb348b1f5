using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Vibe.Application.Store;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Executors;
using Vibe.Application.Robots.Definitions;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Files;
using Vibe.Infrastructure.Logging;
using Vibe.Infrastructure.Notifications;
using Vibe.Infrastructure.Persistence;
using Vibe.Infrastructure.Queue;
using Vibe.Infrastructure.Retention;
using Vibe.Infrastructure.Robots;
using Vibe.Infrastructure.Scheduling;
using Vibe.Infrastructure.Steps;

namespace Vibe.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the run store for the configured provider, the robot files, the settings from .env,
    /// the run log, run files and evidence, the secret masker and the shared "run" step.
    /// </summary>
    public static IServiceCollection AddVibeInfrastructure(this IServiceCollection services, VibeSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(settings.Environment);
        services.AddSingleton<IEnvironmentReader>(settings.Environment);
        services.AddSingleton(settings.Locations);
        services.AddSingleton(settings.Configuration);

        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddOptions<HostOptions>().BindConfiguration(HostOptions.Section);
        services.AddSingleton<IHostIdentity>(provider => new HostIdentity(provider.GetRequiredService<IOptions<HostOptions>>().Value));

        services.AddVibeDatabase(settings.Database, settings.Locations.DefaultSqlitePath);
        services.AddSingleton<ITransientErrorDetector, TransientErrorDetector>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<IStoreMigrator>(provider => provider.GetRequiredService<DatabaseMigrator>());
        services.AddSingleton<IRunQueue, SqlRunQueue>();
        services.AddSingleton<IStoreUnits, StoreUnits>();
        services.AddSingleton<IOutcomeJournal, OutcomeJournal>();
        services.AddSingleton<Service.StoreHealth>();
        services.AddSingleton<RunQueueSignal>();
        services.AddSingleton<IRunQueueSignal>(provider => provider.GetRequiredService<RunQueueSignal>());

        services.AddSingleton<IScheduleCalendar, QuartzScheduleCalendar>();
        services.AddSingleton<IValidator<RobotSpec>, RobotSpecValidator>();
        services.AddSingleton<RobotFileLoader>();
        services.AddSingleton<RobotCatalog>();
        services.AddSingleton<IRobotCatalog>(provider => provider.GetRequiredService<RobotCatalog>());

        services.AddSingleton<ISecretMasker, SecretMasker>();
        services.AddSingleton(provider => OutputLimits.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ISettingsCheck, OutputLimitsCheck>();
        services.AddSingleton<ISettingsCheck, Security.SecurityWarnings>();
        services.AddSingleton<IRunLogFactory, DatabaseRunLogFactory>();
        services.AddSingleton<IRunFiles, RunFiles>();
        services.AddSingleton<IEvidenceWriter, EvidenceWriter>();
        services.AddSingleton<IProgramStarter, Security.ProgramStarter>();
        services.AddSingleton<ISharedAction, RunProgramAction>();

        services.AddSingleton<ISettingsCheck, Service.ServiceSettingsCheck>();
        services.AddVibeNotifications();
        services.AddVibeRetention();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// The service's outbox sender: delivers queued mails at start-up and every VIBE_NOTIFY_POLL_INTERVAL, and makes
    /// the host refuse to start with every problem listed when the mail settings are wrong. Call it in the service host only
    /// (a CLI command must not fail because of SMTP settings it does not use).
    /// </summary>
    public static IServiceCollection AddOutboxSender(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().ValidateOnStart();
        services.AddHostedService<OutboxSenderService>();
        return services;
    }

    /// <summary>The service's retention purge (VIBE_RETENTION_DAYS, default 30; 0 turns it off): at start-up, then every six hours.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().ValidateOnStart();
        services.AddHostedService<RetentionService>();
        return services;
    }
}
