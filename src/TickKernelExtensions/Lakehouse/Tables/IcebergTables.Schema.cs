using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Tables;

public sealed partial class IcebergTables
{
    /// <summary>Adds an optional top-level column with the next field id; existing files read it as null.</summary>
    public Task<IcebergCommitResult> AddColumnAsync(
        TableIdentifier table, string name, IcebergType type, string? doc = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(type);
        return EvolveAsync(table, (m, schema) =>
        {
            if (schema.FindField(name) is { } existing)
            {
                throw ColumnError("A column with this name already exists.", name, "a new name", existing.Name + " (field id " + existing.Id + ")");
            }
            if (type is not IcebergPrimitiveType)
            {
                throw new IcebergException(IcebergErrorKind.Unsupported, "Only primitive columns can be added.") { Field = name, Actual = type.ToJson().ToJsonString() };
            }
            var id = Math.Max(m.LastColumnId, schema.HighestFieldId()) + 1;
            return [.. schema.Fields, new IcebergField(id, name, false, type, doc)];
        }, cancellationToken);
    }

    /// <summary>Renames a column; its field id stays, so files written before read under the new name.</summary>
    public Task<IcebergCommitResult> RenameColumnAsync(TableIdentifier table, string from, string to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        return EvolveAsync(table, (_, schema) =>
        {
            var field = Find(schema, from);
            if (schema.FindField(to) is not null)
            {
                throw ColumnError("A column with the new name already exists.", to, "a new name", to);
            }
            return schema.Fields.Select(f => f.Id == field.Id ? f with { Name = to } : f).ToList();
        }, cancellationToken);
    }

    /// <summary>
    /// Widens a column's type as Iceberg allows: int → long, float → double, decimal(P, S) → decimal(P', S) with P' ≥ P.
    /// Files keep their narrower values and read as the wider type.
    /// </summary>
    public Task<IcebergCommitResult> WidenColumnAsync(TableIdentifier table, string name, IcebergPrimitiveType to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(to);
        return EvolveAsync(table, (_, schema) =>
        {
            var field = Find(schema, name);
            var from = field.Type as IcebergPrimitiveType;
            var allowed = (from?.TypeId, to.TypeId) switch
            {
                (IcebergTypeId.Int, IcebergTypeId.Long) => true,
                (IcebergTypeId.Float, IcebergTypeId.Double) => true,
                (IcebergTypeId.Decimal, IcebergTypeId.Decimal) => to.Scale == from!.Scale && to.Precision >= from.Precision,
                _ => false,
            };
            if (!allowed)
            {
                throw new IcebergException(IcebergErrorKind.Unsupported, "This type change is not an allowed widening.")
                {
                    Field = name,
                    Expected = "int → long, float → double or decimal(P, S) → decimal(P' ≥ P, S)",
                    Actual = field.Type + " → " + to,
                };
            }
            return schema.Fields.Select(f => f.Id == field.Id ? f with { Type = to } : f).ToList();
        }, cancellationToken);
    }

    /// <summary>Tags a snapshot (<c>refs</c> entry of type tag) for time travel by name.</summary>
    public Task<IcebergCommitResult> CreateTagAsync(TableIdentifier table, string name, long snapshotId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return CommitAsync(table, (m, _) =>
        {
            m.Snapshot(snapshotId);
            if (name == "main" || m.Refs.ContainsKey(name))
            {
                throw new IcebergException(IcebergErrorKind.InvalidMetadata, "A branch or tag with this name exists.")
                {
                    Field = "refs",
                    Expected = "a new name",
                    Actual = name,
                };
            }
            return m with
            {
                Refs = new Dictionary<string, IcebergSnapshotRef>(m.Refs, StringComparer.Ordinal) { [name] = new(snapshotId, IcebergSnapshotRef.Tag) },
            };
        }, cancellationToken);
    }

    /// <summary>Commits a new current schema (next schema id) built from the winner's current schema.</summary>
    private Task<IcebergCommitResult> EvolveAsync(
        TableIdentifier table, Func<IcebergTableMetadata, IcebergSchema, List<IcebergField>> change, CancellationToken cancellationToken) =>
        CommitAsync(table, (m, _) =>
        {
            var current = m.CurrentSchema;
            var fields = change(m, current);
            var schema = new IcebergSchema(m.Schemas.Max(s => s.SchemaId) + 1, fields, current.IdentifierFieldIds);
            ValidateSchema(schema);
            return m with
            {
                Schemas = [.. m.Schemas, schema],
                CurrentSchemaId = schema.SchemaId,
                LastColumnId = Math.Max(m.LastColumnId, schema.HighestFieldId()),
            };
        }, cancellationToken);

    private static IcebergField Find(IcebergSchema schema, string name) =>
        schema.FindField(name) ?? throw ColumnError("No such column.", name, "one of " + string.Join(", ", schema.Fields.Select(f => f.Name)), name);

    private static IcebergException ColumnError(string message, string field, string expected, string actual) =>
        new(IcebergErrorKind.ColumnNotFound, message) { Field = field, Expected = expected, Actual = actual };
}
