namespace Vibe.Application.Executors;

/// <summary>
/// An action an executor understands, declared once: validation, the schema (`vibe schema`) and the action
/// tables of the docs are all read from it.
/// </summary>
public sealed record ActionDescriptor
{
    /// <summary>A fully described action: every parameter it takes, with its type.</summary>
    public ActionDescriptor(string name, string summary, IReadOnlyList<ParameterDescriptor> parameters)
    {
        Name = name;
        Summary = summary;
        Parameters = parameters;
        RequiredParameters = parameters.Where(parameter => parameter.Required).Select(parameter => parameter.Name).ToList();
    }

    /// <summary>
    /// An action known only by its required parameters (plug-ins written before typed parameters): its other
    /// parameters are not checked.
    /// </summary>
    public ActionDescriptor(string name, string summary, params string[] requiredParameters)
    {
        Name = name;
        Summary = summary;
        RequiredParameters = requiredParameters;
    }

    /// <summary>The name robots.json uses in "action"; matched exactly (case-sensitive).</summary>
    public string Name { get; }

    /// <summary>One line: what the action does.</summary>
    public string Summary { get; }

    /// <summary>Every parameter, or null when the action declares only its required ones.</summary>
    public IReadOnlyList<ParameterDescriptor>? Parameters { get; }

    public IReadOnlyList<string> RequiredParameters { get; }

    public ParameterDescriptor? Find(string parameter) => Parameters?.FirstOrDefault(candidate => candidate.Name == parameter);
}

/// <summary>What a parameter holds; decides how validation checks it and how the schema describes it.</summary>
public enum ParameterType
{
    /// <summary>Any text (numbers and booleans are taken as their text).</summary>
    Text,

    /// <summary>hh:mm:ss, 500ms, 30s, 5m, 2h, 1d, or a bare number of seconds.</summary>
    Duration,

    /// <summary>A whole number, within <see cref="ParameterDescriptor.Minimum"/> and <see cref="ParameterDescriptor.Maximum"/>.</summary>
    Integer,

    /// <summary>A number, within the bounds.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>One of <see cref="ParameterDescriptor.Values"/> (or one of their aliases).</summary>
    Choice,

    /// <summary>An element or window selector (text).</summary>
    Selector,

    /// <summary>A list of texts; a single text is a list of one.</summary>
    List,

    /// <summary>The name of a run variable to set: letters, digits, '_', '.', '-'.</summary>
    Variable,

    /// <summary>A size: "1280x800" or { "width": 1280, "height": 800 }.</summary>
    Size,

    /// <summary>Names and texts: { "API_TOKEN": "${env:API_TOKEN}" } (a program's environment).</summary>
    Map,
}

/// <summary>One parameter of an action (or one setting of an executor's option block).</summary>
public sealed record ParameterDescriptor(string Name, ParameterType Type, string Summary)
{
    public bool Required { get; init; }

    /// <summary>The value used when the parameter is left out, as the docs show it; null when there is none.</summary>
    public string? Default { get; init; }

    /// <summary>For <see cref="ParameterType.Choice"/>: the accepted values.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>For <see cref="ParameterType.Choice"/>: other spellings accepted, and the value each means.</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = new Dictionary<string, string>();

    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    /// <summary>The canonical value of a choice (case does not matter), following an alias; null when neither.</summary>
    public string? Canonical(string value) =>
        Values.FirstOrDefault(known => string.Equals(known, value, StringComparison.OrdinalIgnoreCase))
        ?? Aliases.FirstOrDefault(alias => string.Equals(alias.Key, value, StringComparison.OrdinalIgnoreCase)).Value;

    public ParameterDescriptor IsRequired() => this with { Required = true };

    public ParameterDescriptor DefaultsTo(string value) => this with { Default = value };

    /// <summary>For a duration: zero is not allowed (a timeout of nothing).</summary>
    public ParameterDescriptor NotZero() => this with { Minimum = double.Epsilon };

    public ParameterDescriptor Alias(string alias, string meaning) =>
        this with { Aliases = new Dictionary<string, string>(Aliases) { [alias] = meaning } };

    public static ParameterDescriptor Text(string name, string summary) => new(name, ParameterType.Text, summary);

    public static ParameterDescriptor Duration(string name, string summary) => new(name, ParameterType.Duration, summary);

    public static ParameterDescriptor Integer(string name, string summary, int minimum, int maximum) =>
        new(name, ParameterType.Integer, summary) { Minimum = minimum, Maximum = maximum };

    public static ParameterDescriptor Number(string name, string summary, double? minimum = null, double? maximum = null) =>
        new(name, ParameterType.Number, summary) { Minimum = minimum, Maximum = maximum };

    public static ParameterDescriptor Boolean(string name, string summary) => new(name, ParameterType.Boolean, summary);

    public static ParameterDescriptor Choice(string name, string summary, params string[] values) =>
        new(name, ParameterType.Choice, summary) { Values = values };

    public static ParameterDescriptor Selector(string name, string summary) => new(name, ParameterType.Selector, summary);

    public static ParameterDescriptor List(string name, string summary) => new(name, ParameterType.List, summary);

    public static ParameterDescriptor Variable(string name, string summary) => new(name, ParameterType.Variable, summary);

    public static ParameterDescriptor Size(string name, string summary) => new(name, ParameterType.Size, summary);

    public static ParameterDescriptor Map(string name, string summary) => new(name, ParameterType.Map, summary);
}
