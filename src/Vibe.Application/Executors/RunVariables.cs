using System.Collections.Concurrent;

namespace Vibe.Application.Executors;

/// <summary>Values steps set and read during one run (${name} in any parameter).</summary>
public sealed class RunVariables
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public RunVariables(IEnvironmentReader environment, ISecretMasker masker)
    {
        Environment = environment;
        Masker = masker;
    }

    public IEnvironmentReader Environment { get; }

    public ISecretMasker Masker { get; }

    public void Set(string name, string value) => _values[name] = value;

    public bool TryGet(string name, out string value) => _values.TryGetValue(name, out value!);

    public IReadOnlyDictionary<string, string> Snapshot() => new Dictionary<string, string>(_values, StringComparer.OrdinalIgnoreCase);
}

/// <summary>Reads environment variables, with .env values underneath the real ones.</summary>
public interface IEnvironmentReader
{
    string? Get(string name);
}
