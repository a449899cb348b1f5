using Cocona;
using Cocona.Application;
using Cocona.Command;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Vibe.Host.Cli;
using Vibe.Host.Output;
using Vibe.Application.Common.Errors;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Security;

namespace Vibe.Host;

/// <summary>
/// The `vibe` command line. Read commands build a small container and start no hosted service;
/// `start-service` builds its own generic host with the scheduler and the worker.
/// </summary>
public static class VibeCli
{
    private const int HelpExitCode = 129;

    public static async Task<int> RunAsync(string[] args)
    {
        // Before any file is made: the store, evidence and pid file are private to the account vibe runs as.
        PrivateFiles.RestrictNewFiles();
        var (configDirectory, rest) = GlobalOptions.Extract(args);
        VibeSettings settings;
        try
        {
            settings = VibeSettings.Load(configDirectory).EnsureValid();
            if (PrivateFiles.DataFolderError(settings.Locations.DataDirectory) is { } unsafeFolder)
            {
                throw VibeException.Invalid(unsafeFolder);
            }

            PrivateFiles.CreateDataFolder(settings.Locations.DataDirectory);
        }
        catch (Exception ex)
        {
            return ErrorReporter.Report(ex, Console.Error);
        }

        // The service runs on its own generic host, not inside Cocona's, so that its shutdown is its own.
        if (rest is ["start-service"])
        {
            return await ServiceRunner.RunAsync(settings);
        }

        // The dashboard serves on its own web host; its user commands (add-user, ...) are ordinary commands below.
        if (rest is ["dashboard", ..] && (rest.Length == 1 || rest[1].StartsWith("--", StringComparison.Ordinal)) && !rest.Any(arg => arg is "--help" or "-h"))
        {
            return await DashboardRunner.RunAsync(settings, rest[1..]);
        }

        var builder = CoconaApp.CreateBuilder(rest, options =>
        {
            options.TreatPublicMethodsAsCommands = false;
            options.EnableShellCompletionSupport = false;
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Error);

        // A store that is down is one line from ErrorReporter: not EF Core's logged stack frames, nor a warning per retry.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
        builder.Logging.AddFilter("Vibe.Application.Common.Behaviours", LogLevel.Error);
        builder.Logging.AddFilter("Vibe.Infrastructure.Service.StoreHealth", LogLevel.None);
        builder.Logging.AddFilter("Vibe.Infrastructure.Notifications", LogLevel.Error);
        try
        {
            builder.Services.AddVibe(settings);
        }
        catch (Exception ex)
        {
            // A broken executor plug-in: one line naming its folder.
            return ErrorReporter.Report(ex, Console.Error);
        }

        builder.Services.Replace(ServiceDescriptor.Singleton<ICoconaBootstrapper, VibeBootstrapper>());
        builder.Services.Replace(ServiceDescriptor.Singleton<ICoconaApplicationMetadataProvider, VibeMetadata>());
        builder.Services.AddSingleton<ConsoleRunPrinter>();
        builder.Services.AddSingleton<CommandSession>();
        builder.Services.AddSingleton<Vibe.Application.Executors.IRunLogListener>(provider => provider.GetRequiredService<ConsoleRunPrinter>());

        var app = builder.Build();
        try
        {
            // Two executors of one name (a plug-in and a built-in, say) are refused here, in one line: a command
            // class that fails to be created is not reported by Cocona.
            app.Services.GetRequiredService<Vibe.Application.Executors.ExecutorRegistry>();
        }
        catch (Vibe.Application.Common.Errors.VibeException ex)
        {
            return ErrorReporter.Report(ex, Console.Error);
        }

        app.AddCommands<RunCommands>();
        app.AddCommands<StatusCommands>();
        app.AddCommands<EvidenceCommands>();
        app.AddCommands<RobotCommands>();
        app.AddCommands<ControlCommands>();
        app.AddCommands<InspectCommand>();
        app.AddCommands<ServiceCommands>();
        app.AddSubCommand("db", db => db.AddCommands<DatabaseCommands>()).WithDescription("Manage the run store");
        app.AddSubCommand("notify", notify => notify.AddCommands<NotifyCommands>()).WithDescription("Test the mail settings; send or list queued mails");
        app.AddCommands<PurgeCommands>();
        app.AddSubCommand("dashboard", dashboard => dashboard.AddCommands<DashboardCommands>()).WithDescription("The web control room: `vibe dashboard [--urls URL]` serves it; add-user, remove-user, add-token");
        await app.RunAsync();

        // Cocona ends a help page with 129; asked for, help is a success (scripts and package checks run `vibe --help`).
        return Environment.ExitCode == HelpExitCode && rest.Any(arg => arg is "--help" or "-h") ? ExitCodes.Success : Environment.ExitCode;
    }
}
