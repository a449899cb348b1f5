using Vibe.Application.Executors;
using Vibe.Application.Executors.SharedActions;

namespace Vibe.Client;

/// <summary>
/// The shared "run" step in the client: known, so robots that use it validate as in vibe, but never executed here
/// (the client queues runs; the vibe service executes them, with the real step from Vibe.Infrastructure).
/// </summary>
internal sealed class RunStepChecksOnly : ISharedAction
{
    public ActionDescriptor Descriptor => RunProgramStep.Descriptor;

    public ValueTask ExecuteAsync(StepContext step, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Vibe.Client executes no steps: the vibe service runs the robots it queues");
}
