using System.Data.Common;
using Weasel.Core;
using Weasel.Postgresql;

namespace Consultations.Projections.Tables;

/// <summary>
/// A database object Marten's migration creates when it is missing and otherwise leaves alone (an index on Marten's own
/// table, a text search configuration): its create and drop statements, and a query that counts it where it exists.
/// Declared to Marten like the tables, so it is created with them.
/// </summary>
public class CreateIfMissing(string schema, string name, string create, string drop, string count) : ISchemaObject
{
    public DbObjectName Identifier { get; } = new PostgresqlObjectName(schema, name, SchemaUtils.IdentifierUsage.General);

    public void WriteCreateStatement(Migrator migrator, TextWriter writer) => writer.WriteLine(create);

    public void WriteDropStatement(Migrator migrator, TextWriter writer) => writer.WriteLine(drop);

    public void ConfigureQueryCommand(Weasel.Core.DbCommandBuilder builder) => builder.Append(count);

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct)
    {
        var exists = await reader.ReadAsync(ct) && reader.GetInt64(0) > 0;
        return new Delta(this, exists ? SchemaPatchDifference.None : SchemaPatchDifference.Create);
    }

    public IEnumerable<DbObjectName> AllNames() => [Identifier];

    private sealed class Delta(CreateIfMissing created, SchemaPatchDifference difference) : ISchemaObjectDelta
    {
        public ISchemaObject SchemaObject => created;

        public SchemaPatchDifference Difference => difference;

        public void WriteUpdate(Migrator rules, TextWriter writer) => created.WriteCreateStatement(rules, writer);

        public void WriteRollback(Migrator rules, TextWriter writer) => created.WriteDropStatement(rules, writer);

        public void WriteRestorationOfPreviousState(Migrator rules, TextWriter writer) => created.WriteDropStatement(rules, writer);
    }
}
