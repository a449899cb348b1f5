namespace Vibe.Domain.Robots;

/// <summary>
/// The pinning rule (a robot's <c>"hosts"</c>): a host may run a robot that names no host, or one that names the
/// host's name or one of its labels, ignoring case. The worker's claim, `run-now` and the dashboard all ask it.
/// </summary>
public static class HostPins
{
    public static bool Allow(IReadOnlyCollection<string> pins, string hostName, IEnumerable<string> labels)
    {
        if (pins.Count == 0)
        {
            return true;
        }

        var names = labels.Prepend(hostName).ToList();
        return pins.Any(pin => names.Contains(pin, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Whether a host with this name and these labels may run the robot.</summary>
    public static bool MayRunOn(this RobotDefinition robot, string hostName, IEnumerable<string> labels) =>
        Allow(robot.Hosts, hostName, labels);
}
