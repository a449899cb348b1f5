using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Vibe.Infrastructure.Persistence;

namespace Vibe.IntegrationTests;

/// <summary>
/// vibe ships a compiled EF Core model per provider (it saves every command the model building, docs/performance.md)
/// and a migration history per provider. Both are generated files: these tests fail when the entity configurations
/// changed and one of them was not generated again, before a user's database could notice.
/// </summary>
public class CompiledModelTests
{
    public static TheoryData<string> Providers => new() { "Sqlite", "Postgres", "SqlServer" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_compiled_model_in_use_is_the_model_the_entity_configurations_build(string provider)
    {
        using var context = Create(provider);

        // context.Model is what queries use: the compiled one, found through the assembly attribute.
        Assert.Equal($"{provider}VibeDbContextModel", context.Model.GetType().Name);
        var built = Describe(context.GetService<IDesignTimeModel>().Model);
        var compiled = Describe(context.Model);
        Assert.True(
            built.SequenceEqual(compiled),
            $"the compiled {provider} model is out of date; run: dotnet ef dbcontext optimize --project src/Vibe.Client{(provider == "SqlServer" ? ".SqlServer" : "")} "
            + $"--context {provider}VibeDbContext --output-dir Persistence/CompiledModels/{provider} --namespace Vibe.Infrastructure.Persistence.CompiledModels.{provider}\n"
            + $"built only: {string.Join("; ", built.Except(compiled))}\ncompiled only: {string.Join("; ", compiled.Except(built))}");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_change_of_the_entity_configurations_has_its_migration(string provider)
    {
        using var context = Create(provider);

        Assert.False(context.Database.HasPendingModelChanges(), $"the {provider} migrations lag behind the model: add one (README, Developing)");
    }

    /// <summary>What the database sees of a model: tables, columns with their types, keys and indexes.</summary>
    private static List<string> Describe(IModel model)
    {
        var facts = new List<string>();
        foreach (var table in model.GetRelationalModel().Tables)
        {
            facts.AddRange(table.Columns.Select(column => $"{table.Name}.{column.Name} {column.StoreType} {(column.IsNullable ? "null" : "not null")}"));
            facts.AddRange(table.UniqueConstraints.Select(key => $"{table.Name} key {key.Name} ({string.Join(", ", key.Columns.Select(column => column.Name))})"));
            facts.AddRange(table.Indexes.Select(index =>
                $"{table.Name} index {index.Name} ({string.Join(", ", index.Columns.Select(column => column.Name))}){(index.IsUnique ? " unique" : "")} {index.Filter}"));
            facts.AddRange(table.ForeignKeyConstraints.Select(key => $"{table.Name} foreign key {key.Name} -> {key.PrincipalTable.Name} {key.OnDeleteAction}"));
        }

        return facts.Order(StringComparer.Ordinal).ToList();
    }

    private static VibeDbContext Create(string provider) => provider switch
    {
        "Sqlite" => new SqliteDesignTimeFactory().CreateDbContext([]),
        "Postgres" => new PostgresDesignTimeFactory().CreateDbContext([]),
        _ => new SqlServerDesignTimeFactory().CreateDbContext([]),
    };
}
