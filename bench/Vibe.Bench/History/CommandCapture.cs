using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Vibe.Bench.History;

/// <summary>A statement as EF Core sent it, with its parameter values, so it can be explained exactly as it ran.</summary>
internal sealed record CapturedCommand(string Label, string Sql, IReadOnlyList<DbParameter> Parameters);

/// <summary>
/// Records the SQL the real handlers send while <see cref="Recording"/> is on. An interceptor rather than the
/// Database.Command log: it hands over the parameter values too, which EXPLAIN needs.
/// </summary>
internal sealed class CommandCapture : DbCommandInterceptor
{
    private readonly List<CapturedCommand> _commands = [];

    public bool Recording { get; set; }

    public IReadOnlyList<CapturedCommand> Take()
    {
        lock (_commands)
        {
            var taken = _commands.ToList();
            _commands.Clear();
            return taken;
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (!Recording)
        {
            return;
        }

        var parameters = command.Parameters.Cast<DbParameter>().Select(Copy).ToList();
        lock (_commands)
        {
            _commands.Add(new CapturedCommand("", command.CommandText, parameters));
        }
    }

    /// <summary>A fresh parameter with the same name, value and type (a parameter belongs to one command).</summary>
    public static DbParameter Copy(DbParameter parameter) => parameter switch
    {
        NpgsqlParameter npgsql => npgsql.Clone(),
        SqliteParameter sqlite => new SqliteParameter(sqlite.ParameterName, sqlite.Value ?? DBNull.Value) { SqliteType = sqlite.SqliteType },
        _ => throw new NotSupportedException($"cannot copy a {parameter.GetType().Name}"),
    };
}
