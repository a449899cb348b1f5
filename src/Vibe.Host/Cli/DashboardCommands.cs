using Cocona;
using Vibe.Application.Common.Errors;
using Vibe.Dashboard.Security;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Host.Cli;

/// <summary>`vibe dashboard add-user/remove-user/add-token`: who may use the control room (a private file of the data folder).</summary>
[ReportErrors]
internal sealed class DashboardCommands(VibeSettings settings, TimeProvider time)
{
    private UserDirectory Users => new(DashboardRunner.UsersFile(settings), time);

    [Command("add-user", Description = "Add a dashboard user (or set a user's password and role); the password is read from standard input or asked for")]
    public int AddUser(
        [Argument(Description = "The user's name")] string name,
        [Option("role", Description = "viewer (looks) or operator (also acts)")] string role = "viewer")
    {
        var password = ReadPassword();
        Users.AddUser(name, password, role);
        Console.Out.WriteLine($"dashboard user {name} ({role}) saved in {DashboardRunner.UsersFile(settings)}");
        return ExitCodes.Success;
    }

    [Command("remove-user", Description = "Remove a dashboard user; their signed-in sessions stop working")]
    public int RemoveUser([Argument(Description = "The user's name")] string name)
    {
        if (!Users.RemoveUser(name))
        {
            throw VibeException.NotFound($"no dashboard user named '{name}'");
        }

        Console.Out.WriteLine($"dashboard user {name} removed");
        return ExitCodes.Success;
    }

    [Command("add-token", Description = "Make a read-only API token for another tool (Authorization: Bearer ...); it is shown once")]
    public int AddToken([Argument(Description = "What the token is for (a name)")] string name)
    {
        var token = Users.AddToken(name);
        Console.Out.WriteLine(token);
        Console.Error.WriteLine($"token '{name}' saved (as a hash); keep it now: it cannot be shown again");
        return ExitCodes.Success;
    }

    private static string ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? throw VibeException.Invalid("no password on standard input");
        }

        Console.Error.Write("password: ");
        var first = ReadHidden();
        Console.Error.Write("again: ");
        return ReadHidden() == first ? first : throw VibeException.Invalid("the two passwords differ");
    }

    private static string ReadHidden()
    {
        var text = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace && text.Length > 0)
            {
                text.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return text.ToString();
    }
}
