namespace Vibe.Executors.Desktop.Driver;

/// <summary>A point in screen pixels; (0, 0) is the top-left corner of the (virtual) screen.</summary>
public readonly record struct ScreenPoint(int X, int Y)
{
    public ScreenPoint Offset(int dx, int dy) => new(X + dx, Y + dy);

    public override string ToString() => $"({X}, {Y})";
}

/// <summary>A rectangle in screen pixels.</summary>
public readonly record struct ScreenRect(int X, int Y, int Width, int Height)
{
    public bool IsEmpty => Width <= 0 || Height <= 0;

    public int Right => X + Width;

    public int Bottom => Y + Height;

    public ScreenPoint Center => new(X + (Width / 2), Y + (Height / 2));

    public bool Contains(ScreenPoint point) => point.X >= X && point.X < Right && point.Y >= Y && point.Y < Bottom;

    /// <summary>The part of this rectangle inside <paramref name="other"/> (empty when they do not overlap).</summary>
    public ScreenRect Intersect(ScreenRect other)
    {
        var left = Math.Max(X, other.X);
        var top = Math.Max(Y, other.Y);
        var right = Math.Min(Right, other.Right);
        var bottom = Math.Min(Bottom, other.Bottom);
        return right <= left || bottom <= top ? default : new ScreenRect(left, top, right - left, bottom - top);
    }

    public override string ToString() => $"{X},{Y} {Width}x{Height}";
}
