using System.Diagnostics;
using Vibe.Application.Executors;

namespace Vibe.Infrastructure.Security;

/// <summary>Starts robots' programs with the operator's umask (see <see cref="PrivateFiles.WithOperatorUmask{T}"/>).</summary>
internal sealed class ProgramStarter : IProgramStarter
{
    public bool Start(Process process) => PrivateFiles.WithOperatorUmask(process.Start);
}
