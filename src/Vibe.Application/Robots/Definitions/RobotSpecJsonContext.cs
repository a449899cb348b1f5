using System.Text.Json.Serialization;

namespace Vibe.Application.Robots.Definitions;

/// <summary>
/// The robot files' JSON contract, generated at build time. Every command reads the robot files once; with
/// reflection the first read cost most of 50 ms of start-up, generated it costs none (docs/performance.md).
/// Callers keep their own options (naming, comments, unknown fields) and take only this metadata.
/// </summary>
[JsonSerializable(typeof(RobotFileSpec))]
[JsonSerializable(typeof(RobotSpec))]
[JsonSerializable(typeof(List<string>))] // read by NotifySpecConverter
public sealed partial class RobotSpecJsonContext : JsonSerializerContext;
