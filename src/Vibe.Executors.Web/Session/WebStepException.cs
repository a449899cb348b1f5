namespace Vibe.Executors.Web.Session;

/// <summary>
/// What went wrong in a web step, in the operator's words but without the step or page: the session adds
/// "step #n action:" before it and the page's title and URL after it.
/// </summary>
internal sealed class WebStepException : Exception
{
    public WebStepException(string message)
        : base(message)
    {
    }

    public WebStepException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WebStepException()
    {
    }
}
