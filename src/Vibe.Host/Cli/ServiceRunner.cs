using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vibe.Application.Common.Errors;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Services.GetServiceStatus;
using Vibe.Infrastructure;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Persistence;
using Vibe.Infrastructure.Security;
using Vibe.Infrastructure.Service;

namespace Vibe.Host.Cli;

/// <summary>
/// `vibe start-service`: the long-running service on the .NET generic host. It holds the pid file's lock for
/// its whole life, refuses to start on invalid robot files or an unmigrated server database, and stops
/// gracefully on Ctrl+C, SIGTERM or `vibe stop-service`.
/// </summary>
internal static class ServiceRunner
{
    public static async Task<int> RunAsync(VibeSettings settings)
    {
        try
        {
            return await RunCoreAsync(settings);
        }
        catch (Exception ex)
        {
            return ErrorReporter.Report(ex, Console.Error);
        }
    }

    private static async Task<int> RunCoreAsync(VibeSettings settings)
    {
        if (ServiceSettings.Problems(settings.Configuration) is { Count: > 0 } problems)
        {
            throw new SettingsException(problems.Count == 1 ? problems[0] : "the settings in .env have problems", problems);
        }

        var locations = settings.Locations;
        using var pidFile = PidFile.TryAcquire(locations.PidFile, DateTime.SpecifyKind(TimeProvider.System.GetUtcNow().UtcDateTime, DateTimeKind.Utc));
        if (pidFile is null)
        {
            var running = PidFile.ReadLive(locations.PidFile);
            throw VibeException.Conflict(running is { } live
                ? $"a vibe service is already running for {locations.DataDirectory} (pid {live.Pid}, since {live.StartedAt.ToLocalTime():yyyy-MM-dd HH:mm:ss}); stop it with `vibe stop-service`"
                : $"a vibe service is already running for {locations.DataDirectory} (its pid file {locations.PidFile} is locked)");
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = locations.ConfigDirectory });
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
        });
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);

        // EF Core logs expected failures (a unique key that says "already queued") as errors; vibe logs what matters itself.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
        builder.Services.AddVibe(settings);
        builder.Services.AddVibeService(settings.Configuration);
        builder.Services.AddOutboxSender();
        builder.Services.AddRetention();
        builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
        var grace = ServiceOptions.Read(settings.Configuration).ShutdownGrace;
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(options => options.ShutdownTimeout = grace + TimeSpan.FromSeconds(30));
        using var host = builder.Build();

        await PrepareDatabaseAsync(host.Services);
        var catalog = await host.Services.GetRequiredService<IRobotCatalog>().GetAsync(CancellationToken.None);
        if (!catalog.IsValid)
        {
            throw VibeException.Invalid(
                $"the robot files have {catalog.Errors.Count} error(s); the service did not start",
                catalog.Errors.Select(error => error.ToString()).ToList());
        }

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("vibe");
        var hostName = host.Services.GetRequiredService<IHostIdentity>().HostName;
        foreach (var warning in new[] { EnvFilePermissions.Check(locations.EnvFile), PrivateFiles.DataFolderWarning(locations.DataDirectory) }.OfType<string>())
        {
            logger.LogWarning("{Warning}", warning);
        }

        // Said once the scheduler, the worker and the housekeeping have started, so "started" means runs are taken:
        // scripts and operators that wait for this line can queue work at once.
        using var announce = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
            logger.LogInformation("vibe service started on {Host} (pid {Pid}); {Robots} robot(s); data folder {DataFolder}", hostName, Environment.ProcessId, catalog.Robots.Count, locations.DataDirectory));
        // With VIBE_DASHBOARD_URLS the same process serves the control room, so a robot host needs one process.
        if (settings.Environment.Get(DashboardRunner.UrlsSetting) is { Length: > 0 } dashboardUrls)
        {
            await using var dashboard = DashboardRunner.Build(settings, dashboardUrls);
            await DashboardRunner.PrepareAsync(dashboard, settings);
            // The service first: a service that cannot start (bad settings) leaves no dashboard behind.
            await host.StartAsync();
            await dashboard.StartAsync();
            try
            {
                await host.WaitForShutdownAsync();
            }
            finally
            {
                await dashboard.StopAsync();
            }
        }
        else
        {
            await host.RunAsync();
        }

        logger.LogInformation("vibe service stopped");
        return ExitCodes.Success;
    }

    /// <summary>SQLite serves one host: a file on a share cannot be locked safely by several machines.</summary>
    private static async Task RefuseSecondSqliteHostAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var alive = await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>()
            .Send(new GetServiceStatus());
        var me = services.GetRequiredService<IHostIdentity>().HostName;
        // On this host a killed service leaves a fresh heartbeat behind: only a live process counts.
        bool IsOther(ServiceStatus service) => !string.Equals(service.Host, me, StringComparison.OrdinalIgnoreCase)
            || (service.ProcessId != Environment.ProcessId && ProcessIsAlive(service.ProcessId));
        if (alive.FirstOrDefault(IsOther) is { } other)
        {
            throw VibeException.Conflict(
                $"another vibe service (host {other.Host}, pid {other.ProcessId}) is using this SQLite database; SQLite serves one host only: use PostgreSQL or SQL Server (VIBE_DB_PROVIDER) for several hosts");
        }
    }

    private static bool ProcessIsAlive(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task PrepareDatabaseAsync(IServiceProvider services)
    {
        var migrator = services.GetRequiredService<DatabaseMigrator>();
        if (migrator.IsEmbedded)
        {
            await migrator.MigrateAsync(CancellationToken.None);
            await RefuseSecondSqliteHostAsync(services);
            return;
        }

        var pending = await migrator.PendingAsync(CancellationToken.None);
        if (pending.Count > 0)
        {
            throw VibeException.Invalid($"the database needs {pending.Count} migration(s) ({string.Join(", ", pending)}); run `vibe db migrate` first");
        }
    }
}
