using Cocona.Filters;

namespace Vibe.Host.Cli;

/// <summary>Routes every exception a command throws to <see cref="ErrorReporter"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class ReportErrorsAttribute : CommandFilterAttribute
{
    public override async ValueTask<int> OnCommandExecutionAsync(CoconaCommandExecutingContext ctx, CommandExecutionDelegate next)
    {
        try
        {
            return await next(ctx);
        }
        catch (Exception ex)
        {
            return ErrorReporter.Report(ex, Console.Error);
        }
    }
}
