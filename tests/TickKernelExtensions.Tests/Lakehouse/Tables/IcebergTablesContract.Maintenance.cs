using Microsoft.Extensions.Time.Testing;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Tables;

public abstract partial class IcebergTablesContract
{
    [Fact]
    public async Task ExpireSnapshotsAsync_OldSnapshots_AreRemovedWithFilesOnlyTheyReferenced()
    {
        var (_, created) = await NewTickTableAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1));
        var tables = Tables(created.Catalog, time: clock);
        var s1 = await tables.AppendAsync(Ticks, [TickFile("EURUSD", Day2, 1.05, 1.5, 1.6), TickFile("EURUSD", Day1, 1.7)], Ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        var s2 = await tables.DeleteWhereAsync(Ticks, [IcebergPredicate.LessThan("bid", 1.1)], Ct);
        var rewritten = (await tables.LoadAsync(Ticks, Ct)).Plan().DataFiles.Select(t => t.File.FilePath).Single(p => p.EndsWith("-cow.parquet", StringComparison.Ordinal));
        clock.Advance(TimeSpan.FromMinutes(1));
        var s3 = await tables.DeleteWhereAsync(Ticks, [IcebergPredicate.LessThan("bid", 1.65)], Ct);
        var lists = (await tables.LoadAsync(Ticks, Ct)).Metadata.Snapshots.ToDictionary(s => s.SnapshotId, s => tables.Io.LocalPath(s.ManifestList)!);
        clock.Advance(TimeSpan.FromMinutes(1));

        var (expired, deleted) = await tables.ExpireSnapshotsAsync(Ticks, clock.GetUtcNow(), retainLast: 1, Ct);

        Assert.Equal(new[] { s1.SnapshotId!.Value, s2.SnapshotId!.Value }.Order(), expired.Order());
        var reader = await tables.LoadAsync(Ticks, Ct);
        Assert.Equal([s3.SnapshotId!.Value], reader.Metadata.Snapshots.Select(s => s.SnapshotId));
        Assert.Equal([1.7], Bids(reader.Scan()));
        Assert.Contains(tables.Io.LocalPath(rewritten)!, deleted);
        Assert.False(File.Exists(tables.Io.LocalPath(rewritten)!));
        Assert.Contains(lists[s1.SnapshotId.Value], deleted);
        Assert.Contains(lists[s2.SnapshotId.Value], deleted);
        Assert.True(File.Exists(lists[s3.SnapshotId.Value]));
        Assert.All(deleted, d => Assert.StartsWith(Warehouse.Path, d, StringComparison.Ordinal));
        Assert.Equal(IcebergErrorKind.SnapshotNotFound,
            Assert.Throws<IcebergException>(() => reader.Scan(new IcebergScanOptions { SnapshotId = s1.SnapshotId })).Kind);
        Assert.Empty(await tables.RemoveOrphanFilesAsync(Ticks, TimeSpan.Zero, Ct));
    }

    [Fact]
    public async Task CompactAsync_SmallFilesOfOnePartition_MergeIntoOneWithTheSameRows()
    {
        var (_, tables) = await NewTickTableAsync();
        await tables.AppendAsync(Ticks, [TickFile("EURUSD", Day1, 1.1, 1.2), TickFile("EURUSD", Day1, 1.3)], Ct);
        await tables.AppendAsync(Ticks, [TickFile("EURUSD", Day1, 1.4), TickFile("EURUSD", Day2, 1.5)], Ct);
        var before = (await tables.LoadAsync(Ticks, Ct)).Scan().Rows.Select(r => string.Join("|", r)).Order().ToList();

        var result = await tables.CompactAsync(Ticks, smallFileBytes: 1 << 20, Ct);

        var reader = await tables.LoadAsync(Ticks, Ct);
        Assert.Equal(before, reader.Scan().Rows.Select(r => string.Join("|", r)).Order());
        var files = reader.Plan().DataFiles.Select(t => t.File).ToList();
        Assert.Equal(2, files.Count);
        var merged = files.Single(f => f.FilePath.EndsWith("-compacted.parquet", StringComparison.Ordinal));
        Assert.Equal((4L, (object?)Day1), (merged.RecordCount, merged.Partition[1001]));
        Assert.Equal([1.1, 1.2, 1.3, 1.4], DuckDb.Query($"SELECT bid FROM read_parquet({DuckDb.Literal(tables.Io.LocalPath(merged.FilePath)!)})")
            .Select(r => (double)r[0]!).Order());
        var snapshot = reader.Metadata.CurrentSnapshot!;
        Assert.Equal((result!.SnapshotId, "replace", "3", "1", "5"), (snapshot.SnapshotId, snapshot.Operation,
            snapshot.Summary["deleted-data-files"], snapshot.Summary["added-data-files"], snapshot.Summary["total-records"]));
        Assert.Null(await tables.CompactAsync(Ticks, smallFileBytes: 1 << 20, Ct));
    }
}
