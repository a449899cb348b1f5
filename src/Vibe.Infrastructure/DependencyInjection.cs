using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Vibe.Application.Common.Interfaces;
using Vibe.Client;
using Vibe.Application.Executors;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Files;
using Vibe.Infrastructure.Logging;
using Vibe.Infrastructure.Notifications;
using Vibe.Infrastructure.Persistence;
using Vibe.Infrastructure.Queue;
using Vibe.Infrastructure.Retention;
using Vibe.Infrastructure.Robots;
using Vibe.Infrastructure.Steps;

namespace Vibe.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Registers what vibe shares with the client (the settings from .env, the run store for the configured provider,
    /// the robot files), then its own parts: the queue's claim, the run log, run files and evidence, the secret masker,
    /// the shared "run" step, mail and retention.
    /// </summary>
    public static IServiceCollection AddVibeInfrastructure(this IServiceCollection services, VibeSettings settings)
    {
        services.AddVibeStoreAndRobots(settings);
        services.AddOptions<HostOptions>().BindConfiguration(HostOptions.Section);
        services.AddSingleton<IHostIdentity>(provider => new HostIdentity(provider.GetRequiredService<IOptions<HostOptions>>().Value));
        services.AddSingleton<IRunQueue, SqlRunQueue>();
        services.AddSingleton<IOutcomeJournal, OutcomeJournal>();
        services.AddSingleton<Service.StoreHealth>();
        services.AddSingleton<RunQueueSignal>();
        services.AddSingleton<IRunQueueSignal>(provider => provider.GetRequiredService<RunQueueSignal>());

        services.AddSingleton<RobotCatalog>();
        services.AddSingleton<IRobotCatalog>(provider => provider.GetRequiredService<RobotCatalog>());

        services.AddSingleton<ISecretMasker, SecretMasker>();
        services.AddSingleton(provider => OutputLimits.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ISettingsCheck, OutputLimitsCheck>();
        services.AddSingleton(provider => Files.EvidenceStoreSettings.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ISettingsCheck, Files.EvidenceStoreSettingsCheck>();
        services.AddSingleton<ISettingsCheck, Security.SecurityWarnings>();
        services.AddSingleton<IRunLogFactory, DatabaseRunLogFactory>();
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
