using Marten.Events.Projections;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Consultations.Projections.Tables;

/// <summary>
/// A projection into a plain PostgreSQL table of the service's schema, declared with Weasel (so Marten creates and
/// migrates it) and emptied when the projection is rebuilt. The subclass writes its rows in <c>ApplyAsync</c>.
/// </summary>
public abstract class TableProjection : EventProjection
{
    protected TableProjection(string name, string schema, string tableName, IEnumerable<Type> eventTypes)
    {
        Name = name;
        Table = $"{schema}.{tableName}";
        // A rebuild starts from an empty table.
        Options.DeleteDataInTableOnTeardown(Table);
        foreach (var type in eventTypes) IncludeType(type);
    }

    /// <summary>The table's qualified name, for SQL.</summary>
    protected string Table { get; }

    /// <summary>
    /// The table: its key columns (varchar, like every string column Weasel declares) first, then each column by PostgreSQL type, NOT NULL unless the type ends with
    /// <c>?</c> (<c>"varchar?"</c>).
    /// </summary>
    public static Table Declare(string schema, string tableName, string[] key, params (string Name, string Type)[] columns)
    {
        var table = new Table(new PostgresqlObjectName(schema, tableName, SchemaUtils.IdentifierUsage.General));
        foreach (var column in key) table.AddColumn<string>(column).AsPrimaryKey();
        foreach (var (name, type) in columns)
        {
            var added = table.AddColumn(name, type.TrimEnd('?'));
            if (!type.EndsWith('?')) added.NotNull();
        }

        return table;
    }
}
