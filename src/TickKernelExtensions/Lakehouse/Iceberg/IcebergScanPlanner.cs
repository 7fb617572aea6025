using System.Globalization;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// Plans a scan: picks the snapshot, reads its manifest list and manifests, keeps live (EXISTING/ADDED) entries,
/// and prunes data files by partition values (manifest-list summaries first, then each file's partition tuple)
/// and by column lower/upper bounds and null counts. Delete files are never pruned.
/// </summary>
public static class IcebergScanPlanner
{
    /// <summary>Plans a scan of <paramref name="metadata"/> reading files through <paramref name="io"/>.</summary>
    public static IcebergScanPlan Plan(IcebergTableMetadata metadata, IIcebergFileIO io, IcebergScanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(io);
        options ??= new IcebergScanOptions();
        options.Validate();
        var (snapshot, schema) = Resolve(metadata, options);
        var predicates = Bind(schema, options.Filter);
        if (snapshot is null)
        {
            return new IcebergScanPlan(null, schema, [], [], 0, 0, 0);
        }
        var manifests = IcebergReadCache.GetOrRead(io, snapshot.ManifestList, "manifest-list", "", () =>
        {
            using var stream = io.OpenRead(snapshot.ManifestList);
            return IcebergManifestListCodec.Read(stream, snapshot.ManifestList);
        });
        var data = new List<IcebergFileScanTask>();
        var deletes = new List<IcebergFileScanTask>();
        int read = 0, manifestsPruned = 0, filesPruned = 0;
        // Each predicate's projection onto a spec's partition fields depends on neither the manifest nor the file.
        var projections = new Dictionary<int, List<Projection>[]>();
        var ordinals = predicates.Select(p => Ordinal(p.Type, p.Literal)).ToArray();
        foreach (var manifest in manifests)
        {
            var spec = metadata.Spec(manifest.PartitionSpecId);
            if (manifest.Content == IcebergFileContent.Data && !ManifestMayMatch(manifest, spec, schema, predicates))
            {
                manifestsPruned++;
                continue;
            }
            read++;
            var partitionSchema = PartitionSchema(metadata, schema, spec);
            var contents = IcebergReadCache.GetOrRead(io, manifest.ManifestPath, "manifest",
                string.Create(CultureInfo.InvariantCulture, $"{spec.SpecId}/{partitionSchema.SchemaId}/{metadata.TableUuid}"), () =>
                {
                    using var stream = io.OpenRead(manifest.ManifestPath);
                    return IcebergManifestCodec.Read(stream, manifest.ManifestPath, spec, partitionSchema);
                });
            projections.TryGetValue(spec.SpecId, out var projected);
            var index = IcebergManifestIndex.Of(contents);
            foreach (var entry in index.Deletes)
            {
                deletes.Add(new IcebergFileScanTask(entry.DataFile, entry.SequenceNumber ?? manifest.SequenceNumber, spec));
            }
            for (var e = 0; e < index.Data.Length; e++)
            {
                var entry = index.Data[e];
                if (FileMayMatch(index, e, projected ??= projections[spec.SpecId] = Projections(spec, predicates), predicates, ordinals))
                {
                    data.Add(new IcebergFileScanTask(entry.DataFile, entry.SequenceNumber ?? manifest.SequenceNumber, spec));
                }
                else
                {
                    filesPruned++;
                }
            }
        }
        return new IcebergScanPlan(snapshot, schema, data, deletes, read, manifestsPruned, filesPruned);
    }

    internal static (IcebergSnapshot? Snapshot, IcebergSchema Schema) Resolve(IcebergTableMetadata m, IcebergScanOptions o)
    {
        if (o.Ref is { } name && (name == "main" || (m.Refs.TryGetValue(name, out var r) && r.Type == IcebergSnapshotRef.Branch)))
        {
            // A branch reads with the table's current schema, like the main branch.
            return (name == "main" && !m.Refs.ContainsKey("main") ? m.CurrentSnapshot : m.SnapshotOfRef(name), m.CurrentSchema);
        }
        IcebergSnapshot? explicitSnapshot =
            o.SnapshotId is { } id ? m.Snapshot(id)
            : o.AsOfTimestampMs is { } ts ? m.SnapshotAsOf(ts)
            : o.Ref is { } tag ? m.SnapshotOfRef(tag)
            : null;
        if (explicitSnapshot is null)
        {
            return (m.CurrentSnapshot, m.CurrentSchema);
        }
        var schema = explicitSnapshot.SchemaId is { } sid && m.Schemas.Any(s => s.SchemaId == sid) ? m.Schema(sid) : m.CurrentSchema;
        return (explicitSnapshot, schema);
    }

    /// <summary>
    /// The schema that resolves a spec's source columns: the scan schema when it has them all, else the current one
    /// (a file written under an older spec may partition by a column the scan's schema no longer has).
    /// </summary>
    private static IcebergSchema PartitionSchema(IcebergTableMetadata m, IcebergSchema schema, IcebergPartitionSpec spec) =>
        spec.Fields.All(f => schema.FindField(f.SourceId) is not null) ? schema
        : m.Schemas.FirstOrDefault(s => spec.Fields.All(f => s.FindField(f.SourceId) is not null)) ?? schema;

    internal static List<(IcebergPredicate Predicate, IcebergField Field, IcebergPrimitiveType Type, object Literal)> Bind(
        IcebergSchema schema, IReadOnlyList<IcebergPredicate> filter)
    {
        var bound = new List<(IcebergPredicate, IcebergField, IcebergPrimitiveType, object)>();
        foreach (var p in filter)
        {
            var field = schema.FindField(p.Column)
                ?? throw new IcebergException(IcebergErrorKind.ColumnNotFound, "A filter names a column the schema does not have.")
                {
                    Field = p.Column,
                    Expected = "one of " + string.Join(", ", schema.Fields.Select(f => f.Name)),
                    Actual = p.Column,
                };
            var type = field.Type as IcebergPrimitiveType
                ?? throw new IcebergException(IcebergErrorKind.Unsupported, "Filters on nested columns are not supported.") { Field = p.Column, Actual = field.Type.Id.ToString() };
            bound.Add((p, field, type, IcebergValues.Normalize(type, p.Value)));
        }
        return bound;
    }

    private static bool ManifestMayMatch(
        IcebergManifestFile manifest, IcebergPartitionSpec spec, IcebergSchema schema,
        List<(IcebergPredicate Predicate, IcebergField Field, IcebergPrimitiveType Type, object Literal)> predicates)
    {
        if (manifest.Partitions is not { } summaries || summaries.Count != spec.Fields.Count)
        {
            return true;
        }
        for (var i = 0; i < spec.Fields.Count; i++)
        {
            var pf = spec.Fields[i];
            foreach (var (p, field, type, literal) in predicates.Where(x => x.Field.Id == pf.SourceId))
            {
                if (Project(pf, p, type, literal) is not { } projected)
                {
                    continue;
                }
                var s = summaries[i];
                if (s.LowerBound is null && s.UpperBound is null)
                {
                    if (s.ContainsNull)
                    {
                        return false; // every partition value is null: no row matches a comparison
                    }
                    continue;
                }
                var resultType = pf.Transform.ResultType(type);
                var lower = s.LowerBound is null ? null : IcebergSingleValue.FromBytes(resultType, s.LowerBound);
                var upper = s.UpperBound is null ? null : IcebergSingleValue.FromBytes(resultType, s.UpperBound);
                if (!projected.Predicate.MayMatchRange(resultType, lower, upper, projected.Literal))
                {
                    return false;
                }
            }
        }
        return true;
    }

    // A predicate projected onto a partition field; LiteralOrdinal is set when the field's values are integer-like.
    private readonly record struct Projection(
        IcebergPartitionField Field, IcebergPrimitiveType ResultType, IcebergPredicate Predicate, object Literal, long? LiteralOrdinal);

    // For each predicate (same order), its projections onto the spec's partition fields that can prune.
    private static List<Projection>[] Projections(
        IcebergPartitionSpec spec, List<(IcebergPredicate Predicate, IcebergField Field, IcebergPrimitiveType Type, object Literal)> predicates)
    {
        var result = new List<Projection>[predicates.Count];
        for (var i = 0; i < predicates.Count; i++)
        {
            var (p, field, type, literal) = predicates[i];
            result[i] = [];
            foreach (var pf in spec.Fields.Where(f => f.SourceId == field.Id))
            {
                if (Project(pf, p, type, literal) is { } projected)
                {
                    var resultType = pf.Transform.ResultType(type);
                    result[i].Add(new Projection(pf, resultType, projected.Predicate, projected.Literal, Ordinal(resultType, projected.Literal)));
                }
            }
        }
        return result;
    }

    // Every predicate's partition projections are checked before any column bounds: they need no decoding, and one
    // that fails prunes the file. Integer-like values (int, long, date, time, timestamps) compare as ordinals from the
    // manifest's index (IcebergManifestIndex); other types, and values the index could not convert, go through
    // IcebergPredicate.MayMatchRange as they are.
    private static bool FileMayMatch(
        IcebergManifestIndex index,
        int entry,
        List<Projection>[] projections,
        List<(IcebergPredicate Predicate, IcebergField Field, IcebergPrimitiveType Type, object Literal)> predicates,
        long?[] ordinals)
    {
        var file = index.Data[entry].DataFile;
        for (var i = 0; i < predicates.Count; i++)
        {
            foreach (var projection in projections[i])
            {
                if (projection.LiteralOrdinal is { } literal)
                {
                    var column = index.Partition(projection.Field.FieldId, projection.ResultType);
                    var state = column.States[entry];
                    if (state == IcebergManifestIndex.Missing)
                    {
                        continue;
                    }
                    if (state == IcebergManifestIndex.Null)
                    {
                        return false;
                    }
                    if (state == IcebergManifestIndex.Value)
                    {
                        if (!MayMatch(projection.Predicate.Op, column.Values[entry], column.Values[entry], literal))
                        {
                            return false;
                        }
                        continue;
                    }
                }
                if (!file.Partition.TryGetValue(projection.Field.FieldId, out var value))
                {
                    continue;
                }
                if (value is null || !projection.Predicate.MayMatchRange(projection.ResultType, value, value, projection.Literal))
                {
                    return false;
                }
            }
        }
        for (var i = 0; i < predicates.Count; i++)
        {
            var (p, field, type, literal) = predicates[i];
            if (index.OnlyNulls(field.Id)[entry])
            {
                return false; // only nulls in this column
            }
            if (ordinals[i] is { } ordinal)
            {
                var lower = index.Bound(field.Id, type, upper: false);
                var upper = index.Bound(field.Id, type, upper: true);
                if (lower.States[entry] != IcebergManifestIndex.Generic && upper.States[entry] != IcebergManifestIndex.Generic)
                {
                    if (!MayMatch(p.Op,
                        lower.States[entry] == IcebergManifestIndex.Value ? lower.Values[entry] : null,
                        upper.States[entry] == IcebergManifestIndex.Value ? upper.Values[entry] : null, ordinal))
                    {
                        return false;
                    }
                    continue;
                }
            }
            var lb = file.LowerBounds?.GetValueOrDefault(field.Id);
            var ub = file.UpperBounds?.GetValueOrDefault(field.Id);
            if (!p.MayMatchRange(type, lb is null ? null : IcebergSingleValue.FromBytes(type, lb), ub is null ? null : IcebergSingleValue.FromBytes(type, ub), literal))
            {
                return false;
            }
        }
        return true;
    }

    // IcebergPredicate.MayMatchRange on ordinals.
    private static bool MayMatch(IcebergComparison op, long? lower, long? upper, long literal) => op switch
    {
        IcebergComparison.Equal => (lower is null || lower <= literal) && (upper is null || upper >= literal),
        IcebergComparison.LessThan => lower is null || lower < literal,
        IcebergComparison.LessThanOrEqual => lower is null || lower <= literal,
        IcebergComparison.GreaterThan => upper is null || upper > literal,
        _ => upper is null || upper >= literal,
    };

    private static bool IsOrdinal(IcebergPrimitiveType type) =>
        type.TypeId is IcebergTypeId.Int or IcebergTypeId.Long or IcebergTypeId.Date or IcebergTypeId.Time or IcebergTypeId.Timestamp or IcebergTypeId.TimestampTz;

    private static long? Ordinal(IcebergPrimitiveType type, object literal) => IsOrdinal(type) ? IcebergValues.ToOrdinal(type, literal) : null;


    /// <summary>
    /// The predicate on the partition value implied by a predicate on its source column, or null when the
    /// transform cannot prune it (bucket for ranges, void). Order-preserving transforms lose strictness:
    /// <c>ts &lt; x</c> implies <c>day(ts) &lt;= day(x)</c>.
    /// </summary>
    private static (IcebergPredicate Predicate, object Literal)? Project(IcebergPartitionField pf, IcebergPredicate p, IcebergPrimitiveType sourceType, object literal)
    {
        var t = pf.Transform;
        if (t.Kind == IcebergTransformKind.Void || (t.Kind == IcebergTransformKind.Bucket && p.Op != IcebergComparison.Equal))
        {
            return null;
        }
        // For a strict bound on an integer-like source (int, long, date, timestamps), Iceberg projects the adjacent
        // value inclusively: ts < x becomes day(ts) <= day(x - 1µs), so x at midnight excludes x's own day.
        if (t.Kind != IcebergTransformKind.Identity && p.Op is IcebergComparison.LessThan or IcebergComparison.GreaterThan
            && sourceType.TypeId is IcebergTypeId.Int or IcebergTypeId.Long or IcebergTypeId.Date or IcebergTypeId.Timestamp or IcebergTypeId.TimestampTz)
        {
            var ordinal = IcebergValues.ToOrdinal(sourceType, literal);
            var (min, max) = sourceType.TypeId is IcebergTypeId.Int or IcebergTypeId.Date ? ((long)int.MinValue, (long)int.MaxValue) : (long.MinValue, long.MaxValue);
            if (ordinal > min && ordinal < max)
            {
                literal = IcebergValues.FromOrdinal(sourceType, p.Op == IcebergComparison.LessThan ? ordinal - 1 : ordinal + 1);
            }
        }
        var projectedLiteral = t.Apply(sourceType, literal)!;
        var op = t.Kind == IcebergTransformKind.Identity ? p.Op : p.Op switch
        {
            IcebergComparison.LessThan => IcebergComparison.LessThanOrEqual,
            IcebergComparison.GreaterThan => IcebergComparison.GreaterThanOrEqual,
            _ => p.Op,
        };
        return (new IcebergPredicate(pf.Name, op, projectedLiteral), projectedLiteral);
    }
}
