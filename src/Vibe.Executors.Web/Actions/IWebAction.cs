using Vibe.Application.Executors;
using Vibe.Executors.Web.Session;

namespace Vibe.Executors.Web.Actions;

/// <summary>One of the web executor's own actions.</summary>
internal interface IWebAction
{
    ActionDescriptor Descriptor { get; }

    /// <summary>
    /// Does the step. Throws <see cref="WebStepException"/> for a failure the operator should read;
    /// Playwright's own errors are translated by the session.
    /// </summary>
    Task ExecuteAsync(WebStep step, CancellationToken cancellationToken);
}
