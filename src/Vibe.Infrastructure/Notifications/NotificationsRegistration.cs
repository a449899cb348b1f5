using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Notifications;
using Vibe.Application.Notifications.SendTestMail;

namespace Vibe.Infrastructure.Notifications;

internal static class NotificationsRegistration
{
    /// <summary>Mail composition, the SMTP settings with their checks and the outbox dispatcher; no hosted service.</summary>
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
        services.AddSingleton<IMailOutbox>(provider => provider.GetRequiredService<OutboxDispatcher>());
        services.AddSingleton<ITestMailSender, SmtpTestMailSender>();
        return services;
    }
}
