namespace Vibe.Executors.Desktop.Driver;

/// <summary>What lies under a point: the target itself (or inside it), or another element, described for the error.</summary>
public sealed record HitTest(bool IsTarget, string Found);
