// Has the vibe service of a configuration folder run a robot: queues the run, follows it to its end, reads its log.
// Usage: SampleConsumer <configuration folder> <robot>
using Microsoft.Extensions.DependencyInjection;
using Vibe.Application.Common.Errors;
using Vibe.Client;
using Vibe.Domain.Runs;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: SampleConsumer <configuration folder> <robot>");
    return 3;
}

await using var services = new ServiceCollection()
    .AddVibeClient(args[0])
    .BuildServiceProvider();

try
{
    // Reads the folder's .env (which database) when first asked for.
    var vibe = services.GetRequiredService<VibeClient>();

    // 1. Queue a run. The vibe service of that folder claims it (it is woken at once).
    var run = await vibe.QueueRunAsync(args[1]);
    Console.WriteLine($"queued run {run.Id} of {run.Robot}: {run.Status}");

    // 2. Follow it: its log lines as the service writes them, until the run has finished.
    await foreach (var line in vibe.FollowAsync(run.Id))
    {
        Console.WriteLine($"  {line.Level,-7} {line.Message}");
    }

    // 3. Read it back: how it ended, and its log.
    var details = await vibe.GetRunAsync(run.Id);
    Console.WriteLine($"run {details.Run.Id} {details.Run.Status} on {details.Run.Host}: {details.Log.Count} log lines{(details.Run.Error is { } error ? "; " + error : "")}");
    return details.Run.Status == RunStatus.Succeeded ? 0 : 1;
}
catch (VibeException ex)
{
    // An unknown robot, robot files with errors, wrong database settings, no store yet: one line, as vibe says it.
    Console.Error.WriteLine($"vibe: {ex.Message}");
    foreach (var detail in ex.Details)
    {
        Console.Error.WriteLine($"  {detail}");
    }

    return 2;
}
