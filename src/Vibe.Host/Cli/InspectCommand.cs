using System.ComponentModel.DataAnnotations;
using Cocona;
using Vibe.Application.Common.Errors;
using Vibe.Application.Executors;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Inspect;

namespace Vibe.Host.Cli;

/// <summary>`vibe inspect`: the windows of the desktop, or a window's element tree with a selector per element.</summary>
[ReportErrors]
internal sealed class InspectCommand
{
    private readonly IDesktopInspector _inspector;
    private readonly CommandSession _session;

    public InspectCommand(IDesktopInspector inspector, CommandSession session)
    {
        _inspector = inspector;
        _session = session;
    }

    [Command("inspect", Description = "List the desktop's windows, or print a window's element tree with a selector for each element")]
    public async Task<int> Inspect(
        [Argument(Description = "A window selector, e.g. 'window[title*=\"Notepad\"]'; none lists the windows")] string? window = null,
        [Option("depth", Description = "How many levels of the element tree to print")][Range(1, 1000, ErrorMessage = "--depth must be between 1 and 1000")] int depth = 25)
    {
        string text;
        try
        {
            text = await _inspector.DescribeAsync(window, depth, _session.Cancellation);
        }
        catch (SessionUnavailableException ex)
        {
            throw new VibeException(VibeErrorKind.Unavailable, ex.Message);
        }
        catch (SelectorSyntaxException ex)
        {
            throw VibeException.Invalid(ex.Message);
        }

        Console.Out.Write(text);
        return ExitCodes.Success;
    }
}
