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
}
