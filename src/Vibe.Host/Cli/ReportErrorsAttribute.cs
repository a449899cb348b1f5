using Cocona.Application;
using Cocona.Command;
using Cocona.Command.Binder;
using Cocona.Command.Features;
using Cocona.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Vibe.Host.Cli;

/// <summary>
/// Routes every exception a command throws to <see cref="ErrorReporter"/>. An argument Cocona could not bind
/// (missing, of the wrong type, out of range) becomes a <see cref="CommandLineException"/> with the command's usage.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class ReportErrorsAttribute : Attribute, IFilterFactory
{
    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Filter(serviceProvider.GetRequiredService<ICoconaAppContextAccessor>());

    private sealed class Filter(ICoconaAppContextAccessor app) : ICommandFilter
    {
        public async ValueTask<int> OnCommandExecutionAsync(CoconaCommandExecutingContext ctx, CommandExecutionDelegate next)
        {
            try
            {
                return await next(ctx);
            }
            catch (ParameterBinderException binding)
            {
                IReadOnlyList<CommandDescriptor> parents = app.Current?.Features.Get<ICoconaCommandFeature>()?.CommandStack ?? [];
                return ErrorReporter.Report(new CommandLineException(Explain(binding), CommandLineUsage.For(ctx.Command, parents)), Console.Error);
            }
            catch (Exception ex)
            {
                return ErrorReporter.Report(ex, Console.Error);
            }
        }
    }

    private static string Explain(ParameterBinderException binding) => binding.Result switch
    {
        ParameterBinderResult.InsufficientArgument when binding.Argument is { } argument => $"<{argument.Name}> is missing",
        ParameterBinderResult.InsufficientOption when binding.Option is { } option => $"--{option.Name} is required",
        ParameterBinderResult.InsufficientOptionValue when binding.Option is { } option => $"--{option.Name} needs a value ({CommandLineUsage.Describe(option.OptionType)})",
        ParameterBinderResult.TypeNotSupported when binding.Argument is { } argument =>
            $"<{argument.Name}> must be {CommandLineUsage.Describe(argument.ArgumentType)}, not '{Given(binding)}'",
        ParameterBinderResult.TypeNotSupported when binding.Option is { } option =>
            $"--{option.Name} must be {CommandLineUsage.Describe(option.OptionType)}, not '{Given(binding)}'",
        _ => binding.Message,
    };

    /// <summary>The value as typed, from Cocona's "... '<value>' cannot be converted to ..." message.</summary>
    private static string Given(ParameterBinderException binding)
    {
        var message = binding.Message;
        var end = message.IndexOf("' cannot be converted", StringComparison.Ordinal);
        var start = end < 0 ? -1 : message.LastIndexOf(" '", end, StringComparison.Ordinal);
        return start < 0 ? "?" : message[(start + 2)..end];
    }
}
