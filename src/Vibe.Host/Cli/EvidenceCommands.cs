using System.ComponentModel.DataAnnotations;
using Cocona;
using Vibe.Application.Common.Errors;
using Vibe.Application.Runs.GetEvidenceFile;
using Vibe.Application.Runs.StoreRunEvidence;
using Vibe.Host.Output;

namespace Vibe.Host.Cli;

/// <summary>
/// `vibe evidence &lt;id&gt; [--out DIR]`: writes a run's files to a folder, from the store (any host's run) or this
/// host's data folder, so an operator on another machine gets the screenshot, page.html and trace.zip of a failure.
/// </summary>
[ReportErrors]
internal sealed class EvidenceCommands(CommandSession session)
{
    [Command("evidence", Description = "Write a run's evidence files (from the store, or this host's data folder) to a folder")]
    public async Task<int> Evidence(
        [Argument(Description = "The run's id")][Range(typeof(long), "1", "9223372036854775807", ErrorMessage = "<id> must be a run id: a positive number")] long id,
        [Option("out", Description = "The folder to write to (default: run-<id> in the current folder); created when missing")] string? output = null)
    {
        if (await session.OpenExistingAsync() is not var (scope, mediator))
        {
            throw VibeException.NotFound($"no run with id {id} ({session.NoStoreYet})");
        }

        await using (scope)
        {
            var files = await mediator.Send(new ListRunFiles(id), session.Cancellation);
            var available = files.Where(file => file.Available).ToList();
            if (available.Count == 0)
            {
                var away = files.Where(file => !file.Available).Select(file => $"{file.Name} on {file.Host}").ToList();
                throw VibeException.NotFound(away.Count == 0
                    ? $"run {id} has no files, here or in the store (only a failed run has evidence)"
                    : $"run {id} has no files in the store; they are kept only on the host that ran it: {string.Join(", ", away)}");
            }

            var folder = Path.GetFullPath(output ?? $"run-{id}");
            foreach (var entry in available)
            {
                var file = await mediator.Send(new GetEvidenceFile(id, entry.Name), session.Cancellation);
                var target = Path.Combine(folder, RunFileCatalog.CheckedName(id, entry.Name));
                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    await File.WriteAllBytesAsync(target, await file.ReadAllBytesAsync(session.Cancellation), session.Cancellation);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new CommandLineException($"--out: cannot write {target}: {ex.Message.ReplaceLineEndings(" ")}", "usage: vibe evidence <id> [--out <out>]");
                }

                Console.Out.WriteLine($"wrote {TerminalText.Escape(target)} ({KeptOnHostLine.Size(file.Length)}{(entry.Stored ? ", from the store" : ", from this host")})");
            }

            foreach (var away in files.Where(file => !file.Available))
            {
                Console.Out.WriteLine($"not written: {TerminalText.Escape(away.Name)} is kept only on {away.Host}, not in the store");
            }

            return ExitCodes.Success;
        }
    }
}
