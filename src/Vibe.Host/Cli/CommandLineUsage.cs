using Cocona.Command;

namespace Vibe.Host.Cli;

/// <summary>The one-line usage of a command, built from the same descriptors Cocona binds with.</summary>
internal static class CommandLineUsage
{
    public const string Program = "vibe";

    public static string General => $"usage: {Program} <command> [options] (`{Program} --help` lists the commands)";

    public static string For(CommandDescriptor command, IEnumerable<CommandDescriptor> parents)
    {
        var parts = new List<string> { Program };
        parts.AddRange(parents.Where(parent => !parent.IsPrimaryCommand).Select(parent => parent.Name));
        parts.Add(command.Name);
        foreach (var argument in command.Arguments.OrderBy(argument => argument.Order))
        {
            var name = $"<{argument.Name}>{(argument.IsEnumerableLike ? "..." : "")}";
            parts.Add(argument.IsRequired ? name : $"[{name}]");
        }

        foreach (var option in command.Options.Where(option => !option.IsHidden && option.Name is not ("help" or "version")))
        {
            var text = option.UnwrappedOptionType == typeof(bool) ? $"--{option.Name}" : $"--{option.Name} <{ValueName(option)}>";
            parts.Add(option.IsRequired ? text : $"[{text}]");
        }

        return $"usage: {string.Join(' ', parts)}";
    }

    /// <summary>How a value is called in usage and messages: "a number", "text".</summary>
    public static string Describe(Type type) =>
        IsWholeNumber(Nullable.GetUnderlyingType(type) ?? type) ? "a whole number" : type == typeof(bool) ? "true or false" : "text";

    private static string ValueName(CommandOptionDescriptor option) =>
        IsWholeNumber(option.UnwrappedOptionType) ? "number" : option.Name;

    private static bool IsWholeNumber(Type type) => type == typeof(int) || type == typeof(long);
}
