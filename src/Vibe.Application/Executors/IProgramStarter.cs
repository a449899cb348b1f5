using System.Diagnostics;

namespace Vibe.Application.Executors;

/// <summary>
/// Starts a program a robot asked for (run, launch) as the operator would have: vibe keeps its own files private
/// (umask 077), but a robot's program keeps the file modes vibe was started with.
/// </summary>
public interface IProgramStarter
{
    /// <summary>Starts <paramref name="process"/> (its StartInfo filled in); returns what <see cref="Process.Start()"/> returns.</summary>
    bool Start(Process process);
}
