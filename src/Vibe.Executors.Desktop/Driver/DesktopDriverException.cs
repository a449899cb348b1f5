namespace Vibe.Executors.Desktop.Driver;

/// <summary>
/// A backend could not do what was asked (no such interface on the element, the X server refused, a COM
/// call failed). The message says what in the operator's words; the executor prefixes the step's name.
/// </summary>
public class DesktopDriverException : Exception
{
    public DesktopDriverException(string message)
        : base(message)
    {
    }

    public DesktopDriverException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
