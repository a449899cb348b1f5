using Vibe.Executors.Desktop.Driver;

namespace Vibe.Executors.Desktop.Linux;

/// <summary>An element backed by an AtspiAccessible reference, released on the AT-SPI thread.</summary>
internal sealed class AtspiElement : DesktopElement
{
    private readonly AtspiClient _owner;
    private nint _accessible;

    public AtspiElement(AtspiClient owner, nint accessible, DesktopWindow window, ElementInfo info)
        : base(window, info)
    {
        _owner = owner;
        _accessible = accessible;
    }

    public nint Accessible => _accessible != 0 ? _accessible : throw new ObjectDisposedException(nameof(AtspiElement));

    protected override void Dispose(bool disposing)
    {
        var accessible = Interlocked.Exchange(ref _accessible, 0);
        if (accessible != 0)
        {
            _owner.Release(accessible);
        }

        base.Dispose(disposing);
    }
}
