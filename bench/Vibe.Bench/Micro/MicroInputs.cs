namespace Vibe.Bench.Micro;

/// <summary>
/// What the benchmark classes need from the figure. BenchmarkDotNet creates them itself (in this process, with the
/// in-process toolchain), so the figure hands them over here before it starts.
/// </summary>
internal static class MicroInputs
{
    public static string RepositoryRoot { get; set; } = "";
}
