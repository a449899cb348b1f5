using System.Runtime.Versioning;

// The tests drive Debian's aiosmtpd and check Unix file modes: they run on Linux (CI and developers' machines alike).
[assembly: SupportedOSPlatform("linux")]
