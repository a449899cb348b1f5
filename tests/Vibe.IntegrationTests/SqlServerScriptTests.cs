using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Vibe.Infrastructure.Persistence;

namespace Vibe.IntegrationTests;

/// <summary>No SQL Server runs here: its migration script is generated and parsed with SQL Server's own parser.</summary>
public class SqlServerScriptTests
{
    private static string IdempotentScript()
    {
        var options = new DbContextOptionsBuilder<SqlServerVibeDbContext>()
            .UseSqlServer("Server=localhost;Database=vibe;Trusted_Connection=True;TrustServerCertificate=True")
            .Options;
        using var context = new SqlServerVibeDbContext(options);
        return context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }

    [Fact]
    public void The_idempotent_migration_script_parses_as_TSql160_without_errors()
    {
        var script = IdempotentScript();

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(error => $"line {error.Line}: {error.Message}")));
        var creates = fragment.ScriptTokenStream.Count(token => token.TokenType == TSqlTokenType.Create);
        Assert.True(creates >= 4, "expected CREATE TABLE statements for the vibe tables");
        Assert.Contains("CREATE TABLE [TaskRuns]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [UX_TaskRuns_Robot_FireTime]", script, StringComparison.Ordinal);
        Assert.Contains("WHERE [ScheduledFireTime] IS NOT NULL", script, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_would_be_caught_by_the_same_check()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader("CREATE TABLE [Broken] ([Id] bigint NOT NULL,, );");

        parser.Parse(reader, out var errors);

        Assert.NotEmpty(errors);
    }
}
