namespace Vibe.Domain.Runs;

/// <summary>
/// One evidence file of a run (screenshot, page.html, trace.zip, element tree…), copied into the store when the run
/// ends, so that the dashboard and every host sharing the store can show it, not only the host that ran it.
/// </summary>
public sealed class RunFile
{
    public RunFile(long runId, string name, byte[] content, DateTime storedAt)
    {
        RunId = runId;
        Name = name;
        Content = content;
        Length = content.LongLength;
        StoredAt = storedAt;
    }

    public long Id { get; private set; }

    public long RunId { get; private set; }

    /// <summary>The file's path inside the run's folder, with '/' between folders.</summary>
    public string Name { get; private set; }

    public long Length { get; private set; }

    public byte[] Content { get; private set; }

    public DateTime StoredAt { get; private set; }
}
