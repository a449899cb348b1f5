using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Notifications;
using Vibe.Infrastructure.Retention;

namespace Vibe.Infrastructure.Notifications;

internal static class NotificationsRegistration
{
    /// <summary>Mail composition, the SMTP settings with their checks, the outbox dispatcher and the retention purge; no hosted service.</summary>
    public static IServiceCollection AddVibeNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotifyOptions>().BindConfiguration(NotifyOptions.Section);
        services.AddSingleton<IMailComposer, MailComposer>();

        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddSingleton<SmtpOptionsValidator>();
        services.AddSingleton<IValidateOptions<SmtpOptions>>(provider => provider.GetRequiredService<SmtpOptionsValidator>());
        services.AddSingleton<ISettingsCheck, NotificationSettingsCheck>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<OutboxMessageFactory>();
        services.AddSingleton<OutboxDispatcher>();

        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section);
        services.AddSingleton<RetentionSettingsCheck>();
        services.AddSingleton<ISettingsCheck>(provider => provider.GetRequiredService<RetentionSettingsCheck>());
        services.AddSingleton<IValidateOptions<RetentionOptions>>(provider => provider.GetRequiredService<RetentionSettingsCheck>());
        services.AddSingleton<RunRetention>();
        return services;
    }
}
