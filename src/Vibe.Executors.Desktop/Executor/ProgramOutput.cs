namespace Vibe.Executors.Desktop.Executor;

/// <summary>
/// The last lines a launched program printed (standard output and error together), for the failure evidence:
/// where a toolkit says why it shows no window or no accessibility tree. Lines arrive on thread-pool threads.
/// </summary>
internal sealed class ProgramOutput(string program)
{
    private const int Keep = 40;
    private readonly Queue<string> _lines = new();
    private int _dropped;

    public bool HasLines
    {
        get
        {
            lock (_lines)
            {
                return _lines.Count > 0;
            }
        }
    }

    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Enqueue(line.Length > 500 ? line[..500] + "…" : line);
            if (_lines.Count > Keep)
            {
                _lines.Dequeue();
                _dropped++;
            }
        }
    }

    public string Format()
    {
        lock (_lines)
        {
            var head = _dropped > 0 ? $"== {program}: last {Keep} lines ({_dropped} earlier lines cut) ==\n" : $"== {program} ==\n";
            return head + string.Join('\n', _lines) + "\n";
        }
    }
}
