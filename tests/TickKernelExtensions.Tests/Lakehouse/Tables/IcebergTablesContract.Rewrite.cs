using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Tests.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Tables;

public abstract partial class IcebergTablesContract
{
    [Fact]
    public async Task OverwritePartitionAsync_OneDay_ReplacesThatDaysFilesOnly()
    {
        var (_, tables) = await NewTickTableAsync();
        var before = await tables.AppendAsync(Ticks, [TickFile("EURUSD", Day1, 1.1, 1.2), TickFile("EURUSD", Day2, 1.3), TickFile("GBPUSD", Day1, 1.4)], Ct);

        var result = await tables.OverwritePartitionAsync(Ticks,
            new Dictionary<string, object?> { ["symbol"] = "EURUSD", ["ts_day"] = Day1 }, [TickFile("EURUSD", Day1, 2.1, 2.2, 2.3)], Ct);

        var reader = await tables.LoadAsync(Ticks, Ct);
        Assert.Equal([1.3, 1.4, 2.1, 2.2, 2.3], Bids(reader.Scan()));
        var snapshot = reader.Metadata.CurrentSnapshot!;
        Assert.Equal(result.SnapshotId, snapshot.SnapshotId);
        Assert.Equal(("overwrite", "1", "2", "1", "3", "5"), (snapshot.Operation, snapshot.Summary["deleted-data-files"], snapshot.Summary["deleted-records"],
            snapshot.Summary["added-data-files"], snapshot.Summary["added-records"], snapshot.Summary["total-records"]));
        Assert.Equal([1.1, 1.2, 1.3, 1.4], Bids(reader.Scan(new IcebergScanOptions { SnapshotId = before.SnapshotId })));
        Assert.Equal(5, DuckDb.Scalar<long>("SELECT count(*) FROM read_parquet([" +
            string.Join(", ", reader.Plan().DataFiles.Select(t => DuckDb.Literal(tables.Io.LocalPath(t.File.FilePath)!))) + "])"));
    }

    [Fact]
    public async Task OverwritePartitionAsync_FileOfAnotherPartition_IsRejected()
    {
        var (_, tables) = await NewTickTableAsync();

        var error = await Assert.ThrowsAsync<IcebergException>(() => tables.OverwritePartitionAsync(Ticks,
            new Dictionary<string, object?> { ["symbol"] = "EURUSD", ["ts_day"] = Day1 }, [TickFile("EURUSD", Day2, 2.1)], Ct));

        Assert.Equal("partition", error.Field);
        Assert.Contains("expected symbol=EURUSD, ts_day=2026-03-02", error.Message, StringComparison.Ordinal);
        Assert.Contains("actual 'symbol=EURUSD, ts_day=2026-03-03'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteWhereAsync_DropsWholeFilesRewritesPartialOnesAndKeepsTheRest()
    {
        var (_, tables) = await NewTickTableAsync();
        var all = TickFile("EURUSD", Day1, 1.01, 1.02);
        var some = TickFile("EURUSD", Day2, 1.05, 1.5, 1.06, 1.6);
        var none = TickFile("GBPUSD", Day1, 1.7);
        var appended = await tables.AppendAsync(Ticks, [all, some, none], Ct);

        var result = await tables.DeleteWhereAsync(Ticks, [IcebergPredicate.LessThan("bid", 1.1)], Ct);

        var reader = await tables.LoadAsync(Ticks, Ct);
        Assert.Equal([1.5, 1.6, 1.7], Bids(reader.Scan()));
        var snapshot = reader.Metadata.CurrentSnapshot!;
        Assert.Equal(("overwrite", "2", "6", "1", "2"), (snapshot.Operation, snapshot.Summary["deleted-data-files"], snapshot.Summary["deleted-records"],
            snapshot.Summary["added-data-files"], snapshot.Summary["added-records"]));
        var live = reader.Plan().DataFiles.Select(t => t.File).ToList();
        Assert.Equal(2, live.Count);
        Assert.Contains(live, f => f.FilePath.EndsWith(Path.GetFileName(none), StringComparison.Ordinal));
        var rewritten = live.Single(f => f.FilePath.EndsWith("-cow.parquet", StringComparison.Ordinal));
        Assert.Equal(["EURUSD", (object)Day2], [rewritten.Partition[1000], rewritten.Partition[1001]]);
        Assert.StartsWith(tables.DefaultLocation(Ticks) + "/data/", rewritten.FilePath, StringComparison.Ordinal);
        var path = DuckDb.Literal(tables.Io.LocalPath(rewritten.FilePath)!);
        // DuckDB reads the rewritten file with the kept rows in their order, field ids intact.
        Assert.Equal([[1.5, 1L], [1.6, 3L]], DuckDb.Query($"SELECT bid, epoch(ts)::BIGINT % 60 FROM read_parquet({path}, file_row_number = true) ORDER BY file_row_number"));
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], DuckDb.Query($"SELECT field_id FROM parquet_schema({path}) WHERE field_id IS NOT NULL ORDER BY field_id")
            .Select(r => Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture)));
        // Time travel still sees the deleted rows.
        Assert.Equal(7, reader.Scan(new IcebergScanOptions { SnapshotId = appended.SnapshotId }).Rows.Count);
        Assert.Equal(result.SnapshotId, snapshot.SnapshotId);
    }

    [Fact]
    public async Task DeleteWhereAsync_OnlyWholeFilesMatch_IsADeleteWithoutNewFiles()
    {
        var (_, tables) = await NewTickTableAsync();
        await tables.AppendAsync(Ticks, [TickFile("EURUSD", Day1, 1.1), TickFile("GBPUSD", Day1, 1.2)], Ct);

        await tables.DeleteWhereAsync(Ticks, [IcebergPredicate.Equal("symbol", "GBPUSD")], Ct);

        var reader = await tables.LoadAsync(Ticks, Ct);
        Assert.Equal([1.1], Bids(reader.Scan()));
        Assert.Equal(("delete", "0", "1"), (reader.Metadata.CurrentSnapshot!.Operation,
            reader.Metadata.CurrentSnapshot.Summary["added-data-files"], reader.Metadata.CurrentSnapshot.Summary["deleted-data-files"]));
    }

    [Fact]
    public async Task DeleteWhereAsync_FileWhoseBoundsCannotMatch_IsKeptWithoutBeingRead()
    {
        var (_, tables) = await NewTickTableAsync();
        var low = TickFile("EURUSD", Day1, 1.1, 1.2);
        var high = TickFile("EURUSD", Day2, 2.1);
        await tables.AppendAsync(Ticks, [low, high], Ct);
        File.Move(high, high + ".away");

        await tables.DeleteWhereAsync(Ticks, [IcebergPredicate.LessThan("bid", 1.15)], Ct);

        File.Move(high + ".away", high);
        Assert.Equal([1.2, 2.1], Bids((await tables.LoadAsync(Ticks, Ct)).Scan()));
    }

    [Fact]
    public async Task OverwritePartitionAsync_ManifestsReadByTheAvroReferenceImplementation_CarryStatusSequenceNumbersAndCounts()
    {
        var (_, tables) = await NewTickTableAsync();
        var first = await tables.AppendAsync(Ticks, [TickFile("EURUSD", Day1, 1.1, 1.2), TickFile("EURUSD", Day2, 1.3)], Ct);
        var second = await tables.OverwritePartitionAsync(Ticks,
            new Dictionary<string, object?> { ["symbol"] = "EURUSD", ["ts_day"] = Day1 }, [TickFile("EURUSD", Day1, 2.1)], Ct);
        var snapshot = (await tables.LoadAsync(Ticks, Ct)).Metadata.CurrentSnapshot!;

        var list = PythonAvro.Read(tables.Io.LocalPath(snapshot.ManifestList)!);

        Assert.Equal((second.SnapshotId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), first.SnapshotId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "2", "2"),
            ((string)list["meta"]!["snapshot-id"]!, (string)list["meta"]!["parent-snapshot-id"]!, (string)list["meta"]!["sequence-number"]!, (string)list["meta"]!["format-version"]!));
        var rows = list["records"]!.AsArray().Select(r => r!.AsObject()).ToList();
        // The added manifest first, then the rewritten one: 1 existing (Day2) and 1 deleted (old Day1) entry.
        Assert.Equal([(1, 0, 0, 2L), (0, 1, 1, 2L)], rows.Select(r => ((int)r["added_files_count"]!, (int)r["existing_files_count"]!, (int)r["deleted_files_count"]!, (long)r["sequence_number"]!)));
        Assert.Equal(1L, (long)rows[1]["min_sequence_number"]!);
        var rewritten = PythonAvro.Read(tables.Io.LocalPath((string)rows[1]["manifest_path"]!)!);
        Assert.Equal(("2", "data", "0"), ((string)rewritten["meta"]!["format-version"]!, (string)rewritten["meta"]!["content"]!, (string)rewritten["meta"]!["partition-spec-id"]!));
        var entries = rewritten["records"]!.AsArray().Select(e => e!.AsObject()).OrderBy(e => (int)e["status"]!).ToList();
        Assert.Equal([(0, first.SnapshotId.Value, 1L, 1L, "2026-03-03"), (2, second.SnapshotId.Value, 1L, 1L, "2026-03-02")],
            entries.Select(e => ((int)e["status"]!, (long)e["snapshot_id"]!, (long)e["sequence_number"]!, (long)e["file_sequence_number"]!,
                (string)e["data_file"]!["partition"]!["ts_day"]!)));
    }
}
