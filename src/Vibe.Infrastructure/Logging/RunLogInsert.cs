using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Vibe.Domain.Runs;
using Vibe.Infrastructure.Persistence;

namespace Vibe.Infrastructure.Logging;

/// <summary>
/// Stores a batch of log lines as one multi-row INSERT. EF Core's batching still sends one INSERT per line (six
/// statements for the shortest run, docs/performance.md); one statement per batch keeps logging nearly free.
/// </summary>
internal static class RunLogInsert
{
    /// <summary>SQL Server takes at most 2,100 parameters in a command: five per line.</summary>
    public const int MaxLinesPerStatement = 400;

    public static async Task InsertAsync(VibeDbContext db, IReadOnlyList<RunLogEntry> lines, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var chunks = lines.Chunk(MaxLinesPerStatement).ToList();
        await using var transaction = chunks.Count > 1 ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        foreach (var chunk in chunks)
        {
            var (sql, parameters) = Statement(db, chunk);
            await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static (string Sql, object[] Parameters) Statement(VibeDbContext db, IReadOnlyList<RunLogEntry> lines)
    {
        var sqlHelper = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(RunLogEntry))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => sqlHelper.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);

        var sql = new StringBuilder()
            .Append("INSERT INTO ").Append(sqlHelper.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (").Append(Column(nameof(RunLogEntry.RunId))).Append(", ").Append(Column(nameof(RunLogEntry.Time)))
            .Append(", ").Append(Column(nameof(RunLogEntry.Level))).Append(", ").Append(Column(nameof(RunLogEntry.StepIndex)))
            .Append(", ").Append(Column(nameof(RunLogEntry.Message))).Append(") VALUES ");
        var parameters = new List<object>(lines.Count * 5);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var first = parameters.Count;
            sql.Append(i == 0 ? "(" : ", (")
                .AppendJoin(", ", Enumerable.Range(first, 5).Select(n => "{" + n.ToString(CultureInfo.InvariantCulture) + "}"))
                .Append(')');

            // The values as the model stores them: times in UTC, the level as its name.
            parameters.Add(line.RunId);
            parameters.Add(line.Time.Kind == DateTimeKind.Utc ? line.Time : line.Time.ToUniversalTime());
            parameters.Add(line.Level.ToString());
            parameters.Add(line.StepIndex is { } step ? step : NullParameter(db, first + 3));
            parameters.Add(line.Message);
        }

        return (sql.ToString(), [.. parameters]);
    }

    /// <summary>EF Core cannot infer a type for a bare null; a provider parameter without one lets the column decide.</summary>
    private static DbParameter NullParameter(VibeDbContext db, int index)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@n" + index.ToString(CultureInfo.InvariantCulture);
        parameter.Value = DBNull.Value;
        return parameter;
    }
}
