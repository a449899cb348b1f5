namespace Vibe.Domain.Services;

/// <summary>A host's labels as VIBE_HOST_LABELS and the store's <see cref="ServiceInstance.Labels"/> write them: comma-separated.</summary>
public static class HostLabels
{
    public static IReadOnlyList<string> Parse(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string? Join(IReadOnlyCollection<string> labels) => labels.Count == 0 ? null : string.Join(",", labels);
}
