using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Notifications;
using Vibe.Application.Notifications.SendTestMail;
using Vibe.Infrastructure.Notifications.Microsoft365;

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
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        services.AddOptions<OAuthOptions>().BindConfiguration(OAuthOptions.Section);
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section);
        services.AddSingleton<IdentityTokenSource>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<GraphMailSender>();

        // VIBE_MAIL_TRANSPORT picks the transport; a bad value is reported by the settings check, and meanwhile SMTP's
        // own checks say what is missing.
        services.AddSingleton<IMailTransport>(provider =>
            MailOptions.TryParseTransport(provider.GetRequiredService<IOptions<MailOptions>>().Value.Transport, out var transport) && transport == MailTransportKind.Graph
                ? provider.GetRequiredService<GraphMailSender>()
                : provider.GetRequiredService<SmtpMailSender>());
        services.AddSingleton<OutboxMessageFactory>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<IMailOutbox>(provider => provider.GetRequiredService<OutboxDispatcher>());
        services.AddSingleton<ITestMailSender, TestMailSender>();
        return services;
    }
}
