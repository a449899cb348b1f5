using System.Globalization;
using System.Text.Json;
using Vibe.Application.Common.TimeZones;
using Vibe.Application.Executors;
using Vibe.Domain.Robots;

namespace Vibe.Executors.Web.Options;

/// <summary>
/// Reads a robot's "web" block and the VIBE_WEB_* environment values into <see cref="WebOptions"/>,
/// reporting every bad setting in one message that names the robot, the key and where it came from.
/// </summary>
internal static class WebOptionsReader
{
    public const string BrowserVariable = "VIBE_WEB_BROWSER";
    public const string HeadlessVariable = "VIBE_WEB_HEADLESS";
    public const string ViewportVariable = "VIBE_WEB_VIEWPORT";
    public const string LocaleVariable = "VIBE_WEB_LOCALE";
    public const string TimeZoneVariable = "VIBE_WEB_TIMEZONE";
    public const string ArgsVariable = "VIBE_WEB_ARGS";
    public const string ActionTimeoutVariable = "VIBE_WEB_ACTION_TIMEOUT";
    public const string NavigationTimeoutVariable = "VIBE_WEB_NAVIGATION_TIMEOUT";
    public const string TraceVariable = "VIBE_WEB_TRACE";
    public const string ProxyVariable = "VIBE_WEB_PROXY";

    /// <summary>The robot's "web" block, declared once: validate checks it, the schema and docs/web.md list it.</summary>
    public static IReadOnlyList<ParameterDescriptor> Settings { get; } =
    [
        ParameterDescriptor.Text("browser", "auto, playwright, chromium, a Chrome/Edge channel (chrome, msedge, ...) or a path").DefaultsTo("auto"),
        ParameterDescriptor.Boolean("headless", "false shows the window").DefaultsTo("true"),
        ParameterDescriptor.Size("viewport", "page size: \"1280x800\" or { \"width\": 1280, \"height\": 800 }").DefaultsTo("1280x800"),
        ParameterDescriptor.Text("locale", "navigator.language and Accept-Language, e.g. fr-FR"),
        ParameterDescriptor.Text("timeZone", "IANA time zone the pages see, e.g. Europe/Paris"),
        ParameterDescriptor.List("args", "extra Chromium arguments"),
        ParameterDescriptor.Duration("actionTimeout", "how long an action waits for its element").DefaultsTo("15s").NotZero(),
        ParameterDescriptor.Duration("navigationTimeout", "how long goto and navigations wait").DefaultsTo("30s").NotZero(),
        ParameterDescriptor.Boolean("trace", "record a Playwright trace, kept only when a step fails").DefaultsTo("true"),
        ParameterDescriptor.Text("profile", "a persistent profile directory"),
    ];

    private static readonly string[] KnownKeys = [.. Settings.Select(setting => setting.Name)];

    /// <param name="robotFolder">The folder of the robot's file; relative paths in the robot start there.</param>
    public static WebOptions Read(RobotDefinition robot, IEnvironmentReader environment, string robotFolder)
    {
        var reader = new Reader(robot, environment, robotFolder);
        var options = reader.Read();
        if (reader.Errors.Count > 0)
        {
            throw new StepFailedException($"robot '{robot.Name}': {string.Join("; ", reader.Errors)}");
        }

        return options;
    }

    private sealed class Reader
    {
        private readonly RobotDefinition _robot;
        private readonly IEnvironmentReader _environment;
        private readonly string _robotFolder;
        private readonly Dictionary<string, JsonElement> _block = new(StringComparer.OrdinalIgnoreCase);

        public Reader(RobotDefinition robot, IEnvironmentReader environment, string robotFolder)
        {
            _robot = robot;
            _environment = environment;
            _robotFolder = robotFolder;
            if (robot.ExecutorOptions is not { } block || block.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                return;
            }

            if (block.ValueKind != JsonValueKind.Object)
            {
                Errors.Add("\"web\" must be an object such as { \"headless\": true }");
                return;
            }

            foreach (var property in block.EnumerateObject())
            {
                if (!KnownKeys.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
                {
                    Errors.Add($"web.{property.Name} is not a web setting (known: {string.Join(", ", KnownKeys)})");
                    continue;
                }

                _block[property.Name] = property.Value;
            }
        }

        public List<string> Errors { get; } = [];

        public WebOptions Read()
        {
            var robotFolder = _robotFolder;
            var (width, height) = Viewport();
            return new WebOptions
            {
                Browser = Browser(robotFolder),
                Headless = Bool("headless", HeadlessVariable, fallback: true),
                ViewportWidth = width,
                ViewportHeight = height,
                Locale = Text("locale", LocaleVariable),
                TimeZone = TimeZone(),
                Args = Args(),
                ActionTimeout = Timeout("actionTimeout", ActionTimeoutVariable, WebOptions.DefaultActionTimeout),
                NavigationTimeout = Timeout("navigationTimeout", NavigationTimeoutVariable, WebOptions.DefaultNavigationTimeout),
                ProfileDirectory = Text("profile", variable: null) is { } profile ? Path.GetFullPath(profile, robotFolder) : null,
                Trace = Bool("trace", TraceVariable, fallback: true),
                Proxy = Proxy(),
                RobotFolder = robotFolder,
            };
        }

        private BrowserChoice Browser(string robotFolder)
        {
            var (value, source, baseFolder) = Text("browser") is { } fromRobot
                ? (fromRobot, "web.browser", robotFolder)
                : (_environment.Get(BrowserVariable)?.Trim(), BrowserVariable, Directory.GetCurrentDirectory());
            if (string.IsNullOrEmpty(value) || value.Equals("auto", StringComparison.OrdinalIgnoreCase))
            {
                return new BrowserChoice(BrowserKind.Auto, null, string.IsNullOrEmpty(value) ? "default" : source);
            }

            var lower = value.ToLowerInvariant();
            if (lower == "playwright")
            {
                return new BrowserChoice(BrowserKind.Playwright, null, source);
            }

            if (lower == "chromium")
            {
                return new BrowserChoice(BrowserKind.SystemChromium, null, source);
            }

            if (IsChannel(lower))
            {
                return new BrowserChoice(BrowserKind.Channel, lower, source);
            }

            if (value.Contains('/', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal)
                || value.EndsWith(".exe", StringComparison.OrdinalIgnoreCase))
            {
                return new BrowserChoice(BrowserKind.ExecutablePath, Path.GetFullPath(value, baseFolder), source);
            }

            Errors.Add($"{source} '{value}' is not auto, playwright, chromium, chrome, msedge (or another Chrome/Edge channel) or a path to a Chromium-family browser");
            return new BrowserChoice(BrowserKind.Auto, null, source);
        }

        private static bool IsChannel(string value)
        {
            string[] brands = ["chrome", "msedge"];
            string[] editions = ["", "-beta", "-dev", "-canary"];
            return brands.SelectMany(brand => editions.Select(edition => brand + edition)).Contains(value);
        }

        private (int Width, int Height) Viewport()
        {
            const string Expected = "WIDTHxHEIGHT such as 1280x800, or { \"width\": 1280, \"height\": 800 }";
            if (_block.TryGetValue("viewport", out var element))
            {
                if (element.ValueKind == JsonValueKind.Object)
                {
                    if (element.TryGetProperty("width", out var w) && w.TryGetInt32(out var width)
                        && element.TryGetProperty("height", out var h) && h.TryGetInt32(out var height)
                        && width > 0 && height > 0)
                    {
                        return (width, height);
                    }

                    Errors.Add($"web.viewport must be {Expected}");
                    return (1280, 800);
                }

                return ParseSize(element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText(), "web.viewport");
            }

            return _environment.Get(ViewportVariable) is { Length: > 0 } text ? ParseSize(text, ViewportVariable) : (1280, 800);

            (int, int) ParseSize(string? text, string source)
            {
                var parts = (text ?? "").Split('x', 'X', '*', ',');
                if (parts.Length == 2
                    && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var width)
                    && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var height)
                    && width > 0 && height > 0)
                {
                    return (width, height);
                }

                Errors.Add($"{source} '{text}' must be {Expected}");
                return (1280, 800);
            }
        }

        private string? TimeZone()
        {
            var source = _block.ContainsKey("timeZone") ? "web.timeZone" : TimeZoneVariable;
            var zone = Text("timeZone", TimeZoneVariable);
            if (zone is not null && !TimeZoneIds.TryFind(zone, out _))
            {
                Errors.Add($"{source} '{zone}' is not a time zone (use an IANA name such as Europe/Paris)");
                return null;
            }

            return zone;
        }

        /// <summary>
        /// VIBE_WEB_PROXY=http://user:password@proxy:3128. The credentials go to the browser through Playwright, not on
        /// Chromium's command line, where every local user could read them.
        /// </summary>
        private ProxySetting? Proxy()
        {
            if (_environment.Get(ProxyVariable) is not { Length: > 0 } text)
            {
                return null;
            }

            if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            {
                Errors.Add($"{ProxyVariable} is not a proxy address such as http://proxy:3128 or http://user:password@proxy:3128");
                return null;
            }

            string? user = null;
            string? password = null;
            if (uri.UserInfo.Length > 0)
            {
                var parts = uri.UserInfo.Split(':', 2);
                user = Uri.UnescapeDataString(parts[0]);
                password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
            }

            return new ProxySetting($"{uri.Scheme}://{uri.Host}:{uri.Port}", user, password);
        }

        private List<string> Args()
        {
            var args = new List<string>();
            if (_environment.Get(ArgsVariable) is { Length: > 0 } fromEnvironment)
            {
                args.AddRange(fromEnvironment.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }

            if (!_block.TryGetValue("args", out var element))
            {
                return args;
            }

            switch (element.ValueKind)
            {
                case JsonValueKind.Array when element.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String):
                    args.AddRange(element.EnumerateArray().Select(item => item.GetString()!));
                    break;
                case JsonValueKind.String:
                    args.AddRange(element.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                default:
                    Errors.Add("web.args must be a list of strings such as [\"--lang=fr\"]");
                    break;
            }

            return args;
        }

        private TimeSpan Timeout(string key, string variable, TimeSpan fallback)
        {
            var source = _block.ContainsKey(key) ? $"web.{key}" : variable;
            var text = Text(key, variable);
            if (text is null)
            {
                return fallback;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (Duration.TryParse(text, out var value) && value > TimeSpan.Zero)
            {
                return value;
            }

            Errors.Add($"{source} '{text}' must be a duration such as 15s or 00:00:15");
            return fallback;
        }

        private bool Bool(string key, string? variable, bool fallback)
        {
            var source = _block.ContainsKey(key) ? $"web.{key}" : variable;
            var text = Text(key, variable);
            if (text is null)
            {
                return fallback;
            }

            if (bool.TryParse(text, out var flag))
            {
                return flag;
            }

            Errors.Add($"{source} '{text}' must be true or false");
            return fallback;
        }

        /// <summary>The robot's value for <paramref name="key"/>, else the environment's, else null.</summary>
        private string? Text(string key, string? variable = null)
        {
            if (_block.TryGetValue(key, out var element))
            {
                switch (element.ValueKind)
                {
                    case JsonValueKind.String:
                        return element.GetString() is { Length: > 0 } text ? text.Trim() : null;
                    case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                        return element.GetRawText();
                    case JsonValueKind.Null:
                        return null;
                    default:
                        Errors.Add($"web.{key} must be a single value, not {element.ValueKind.ToString().ToLowerInvariant()}");
                        return null;
                }
            }

            return variable is null ? null : _environment.Get(variable) is { Length: > 0 } value ? value.Trim() : null;
        }
    }
}
