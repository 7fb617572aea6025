using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Tables;

namespace TickKernelExtensions.Tests.Lakehouse.Tables;

public abstract partial class IcebergTablesContract
{
    [Fact]
    public async Task AppendAsync_EightWritersAtOnce_EveryRowExactlyOnceAndTheSnapshotChainIntact()
    {
        const int writers = 8;
        const int commitsEach = 2;
        var (options, _) = await NewTickTableAsync();
        var retry = new CommitRetryOptions { MaxAttempts = 100, MinBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(20) };
        // Each writer has its own catalog connection and IcebergTables, as separate processes would.
        var instances = new List<IcebergTables>();
        for (var w = 0; w < writers; w++)
        {
            instances.Add(Tables(await OpenCatalogAsync(options), retry));
        }
        var files = Enumerable.Range(0, writers).Select(w => Enumerable.Range(0, commitsEach)
            .Select(c => TickFile("W" + w, Day1.AddDays(c), 100 * w + (10 * c) + 1, 100 * w + (10 * c) + 2)).ToList()).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await start.Task;
            var done = new List<IcebergCommitResult>();
            foreach (var file in files[w])
            {
                done.Add(await instances[w].AppendAsync(Ticks, [file], Ct));
            }
            return done;
        }, Ct)).ToList();
        start.SetResult();
        var results = await Task.WhenAll(tasks);

        var reader = await instances[0].LoadAsync(Ticks, Ct);
        var expected = Enumerable.Range(0, writers).SelectMany(w => Enumerable.Range(0, commitsEach)
            .SelectMany(c => new double[] { 100 * w + (10 * c) + 1, 100 * w + (10 * c) + 2 })).Order().ToList();
        Assert.Equal(expected, Bids(reader.Scan()));
        var m = reader.Metadata;
        Assert.Equal(writers * commitsEach, m.Snapshots.Count);
        Assert.Equal(writers * commitsEach, m.LastSequenceNumber);
        // Walking parents from the current snapshot visits every snapshot once, sequence numbers counting down to 1.
        var chain = new List<IcebergSnapshot>();
        for (var s = m.CurrentSnapshot; s is not null; s = s.ParentSnapshotId is { } p ? m.Snapshot(p) : null)
        {
            chain.Add(s);
        }
        Assert.Equal(Enumerable.Range(1, writers * commitsEach).Reverse().Select(i => (long)i), chain.Select(s => s.SequenceNumber));
        Assert.Equal(m.Snapshots.Select(s => s.SnapshotId).Order(), chain.Select(s => s.SnapshotId).Order());
        Assert.Equal(expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), m.CurrentSnapshot!.Summary["total-records"]);
        Assert.Equal(results.SelectMany(r => r).Select(r => r.SnapshotId!.Value).Order(), m.Snapshots.Select(s => s.SnapshotId).Order());
        // Lost attempts deleted their metadata files: one per commit plus the creation's remain.
        Assert.Equal(writers * commitsEach + 1, MetadataFiles(instances[0]).Count);
        Assert.Empty(await instances[0].RemoveOrphanFilesAsync(Ticks, TimeSpan.Zero, Ct));
    }

    [Fact]
    public async Task StageAppendAsync_WriterKilledBeforeTheCatalogUpdate_TableStaysAtItsPreviousSnapshotAndOrphanRemovalCleansUp()
    {
        var (_, tables) = await NewTickTableAsync();
        var committed = await tables.AppendAsync(Ticks, [TickFile("EURUSD", Day1, 1.1)], Ct);
        var lostFile = TickFile("EURUSD", Day2, 9.9);

        // The writer gets as far as writing its manifest, manifest list and metadata file, then dies.
        var staged = await tables.StageAppendAsync(Ticks, [lostFile], Ct);

        Assert.All(staged.WrittenFiles, f => Assert.True(File.Exists(f), f));
        Assert.Equal(3, staged.WrittenFiles.Count);
        var reader = await tables.LoadAsync(Ticks, Ct);
        Assert.Equal(committed.MetadataLocation, reader.MetadataLocation);
        Assert.Equal(committed.SnapshotId, reader.Metadata.CurrentSnapshotId);
        Assert.Equal([1.1], Bids(reader.Scan()));

        var removed = await tables.RemoveOrphanFilesAsync(Ticks, TimeSpan.Zero, Ct);

        Assert.Equal(staged.WrittenFiles.Order(StringComparer.Ordinal), removed.Order(StringComparer.Ordinal));
        Assert.True(File.Exists(lostFile), "a data file outside the table location is never touched");
        var after = await tables.LoadAsync(Ticks, Ct);
        Assert.Equal([1.1], Bids(after.Scan()));
        Assert.Equal([1.1], Bids(after.Scan(new IcebergScanOptions { SnapshotId = committed.SnapshotId })));
        // A later writer commits normally on top of the surviving snapshot.
        var next = await tables.AppendAsync(Ticks, [lostFile], Ct);
        Assert.Equal(committed.SnapshotId, (await tables.LoadAsync(Ticks, Ct)).Metadata.Snapshot(next.SnapshotId!.Value).ParentSnapshotId);
    }

    [Fact]
    public async Task CommitStagedAsync_AnotherWriterCommittedFirst_ConflictsAndLeavesTheTableAlone()
    {
        var (_, tables) = await NewTickTableAsync();
        var staged = await tables.StageAppendAsync(Ticks, [TickFile("EURUSD", Day1, 1.1)], Ct);
        var winner = await tables.AppendAsync(Ticks, [TickFile("EURUSD", Day1, 2.2)], Ct);

        var conflict = await Assert.ThrowsAsync<CommitConflictException>(() => tables.CommitStagedAsync(staged, Ct));

        Assert.Equal(winner.MetadataLocation, conflict.CurrentLocation);
        Assert.Equal([2.2], Bids((await tables.LoadAsync(Ticks, Ct)).Scan()));
    }

    [Fact]
    public async Task RemoveOrphanFilesAsync_WithinTheGracePeriod_KeepsUncommittedFiles()
    {
        var (_, tables) = await NewTickTableAsync();
        var staged = await tables.StageAppendAsync(Ticks, [TickFile("EURUSD", Day1, 1.1)], Ct);

        Assert.Empty(await tables.RemoveOrphanFilesAsync(Ticks, TimeSpan.FromHours(1), Ct));
        Assert.All(staged.WrittenFiles, f => Assert.True(File.Exists(f), f));
    }

    [Fact]
    public async Task AppendDeleteAndOverwriteAtOnce_EachIsReappliedOnTheWinnersSnapshot()
    {
        var (options, setup) = await NewTickTableAsync();
        await setup.AppendAsync(Ticks, [TickFile("OLD", Day1, 0.1, 0.2, 5.0), TickFile("OLD", Day2, 0.3, 6.0)], Ct);
        var retry = new CommitRetryOptions { MaxAttempts = 100, MinBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(20) };
        var instances = new List<IcebergTables>();
        for (var w = 0; w < 8; w++)
        {
            instances.Add(Tables(await OpenCatalogAsync(options), retry));
        }
        var appends = Enumerable.Range(0, 6).Select(w => TickFile("W" + w, Day1, 100 + w)).ToList();
        var replacement = TickFile("OLD", Day2, 50.0);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, 6).Select(w => Task.Run(async () => { await start.Task; await instances[w].AppendAsync(Ticks, [appends[w]], Ct); }, Ct))
            .Append(Task.Run(async () => { await start.Task; await instances[6].DeleteWhereAsync(Ticks, [IcebergPredicate.LessThan("bid", 1.0)], Ct); }, Ct))
            .Append(Task.Run(async () =>
            {
                await start.Task;
                await instances[7].OverwritePartitionAsync(Ticks, new Dictionary<string, object?> { ["symbol"] = "OLD", ["ts_day"] = Day2 }, [replacement], Ct);
            }, Ct))
            .ToList();
        start.SetResult();
        await Task.WhenAll(tasks);

        var reader = await instances[0].LoadAsync(Ticks, Ct);
        Assert.Equal([5.0, 50.0, 100, 101, 102, 103, 104, 105], Bids(reader.Scan()));
        Assert.Equal(9, reader.Metadata.Snapshots.Count);
        Assert.Equal(9, reader.Metadata.LastSequenceNumber);
        Assert.Equal(10, MetadataFiles(instances[0]).Count);
        Assert.Empty(await instances[0].RemoveOrphanFilesAsync(Ticks, TimeSpan.Zero, Ct));
    }
}
