using System.Text.Json;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Sql;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Storage;
using TickKernelExtensions.Tests.Lakehouse.Iceberg;
using TickKernelExtensions.Tests.Support;

namespace TickKernelExtensions.Tests.Lakehouse.Tables;

/// <summary>
/// The write path with its warehouse on a real S3-compatible server (s3rver on loopback): every file goes through the
/// object store, every location recorded is <c>s3://bucket/key</c>, and values are read back with SQL through a
/// separate read cache.
/// </summary>
[Collection(S3Collection.Name)]
public sealed class IcebergTablesS3Tests(S3rverFixture s3)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, object?> Day1Partition = new() { ["symbol"] = "EURUSD", ["ts_day"] = S3Lake.Day1 };

    [Fact]
    public async Task Lifecycle_CreateAppendOverwriteDeleteOnS3_SqlReadsEverySnapshotThroughTheCache()
    {
        await using var lake = await S3Lake.CreateAsync(s3);
        var tables = lake.Tables;

        var s1 = await tables.AppendCopiesAsync(S3Lake.Ticks,
            [lake.TickFile("EURUSD", S3Lake.Day1, 1.1, 1.2), lake.TickFile("EURUSD", S3Lake.Day2, 1.3, 1.4, 2.5)], Ct);
        var copy = tables.CopyIntoTable(lake.TickFile("EURUSD", S3Lake.Day1, 2.1),
            tables.DefaultLocation(S3Lake.Ticks) + "/data/symbol=EURUSD/ts_day=2026-03-02/replacement.parquet");
        var s2 = await tables.OverwritePartitionAsync(S3Lake.Ticks, Day1Partition, [copy], Ct);
        var s3Commit = await tables.DeleteWhereAsync(S3Lake.Ticks, [IcebergPredicate.LessThan("bid", 1.35)], Ct);

        var (io, _) = lake.OpenIo();
        await using var sql = lake.OpenSql(io);
        Assert.Equal([1.4, 2.1, 2.5], await S3Lake.BidsAsync(sql));
        Assert.Equal([1.1, 1.2, 1.3, 1.4, 2.5], await S3Lake.BidsAsync(sql, s1.SnapshotId));
        Assert.Equal([1.3, 1.4, 2.1, 2.5], await S3Lake.BidsAsync(sql, s2.SnapshotId));
        Assert.Equal([1.4, 2.1, 2.5], await S3Lake.BidsAsync(sql, s3Commit.SnapshotId));
        Assert.True(io.Downloads >= 3, $"downloads {io.Downloads}");
        Assert.Equal(0, io.Refetches);
    }

    [Fact]
    public async Task Locations_WrittenToS3_AreS3UrisOfExistingObjectsAsTrinoAndSparkExpect()
    {
        await using var lake = await S3Lake.CreateAsync(s3);
        await lake.Tables.AppendCopiesAsync(S3Lake.Ticks, [lake.TickFile("EURUSD", S3Lake.Day1, 1.1)], Ct);
        await lake.Tables.DeleteWhereAsync(S3Lake.Ticks, [IcebergPredicate.LessThan("bid", 0.5)], Ct);

        var prefix = $"s3://{S3rverFixture.BucketName}/{lake.Prefix}/bronze/ticks/";
        var entry = await lake.Catalog.LoadTableAsync(S3Lake.Ticks, Ct);
        var reader = await lake.Tables.LoadAsync(S3Lake.Ticks, Ct);
        var locations = new List<string> { entry.MetadataLocation, reader.Metadata.Location + "/" };
        locations.AddRange(reader.Metadata.MetadataLog.Select(l => l.MetadataFile));
        locations.AddRange(reader.Metadata.Snapshots.Select(s => s.ManifestList));
        locations.AddRange(reader.Plan().DataFiles.Select(t => t.File.FilePath));
        Assert.All(locations, l => Assert.StartsWith(prefix, l, StringComparison.Ordinal));
        Assert.Matches(@"/metadata/00002-[0-9a-f-]{36}\.metadata\.json$", entry.MetadataLocation);

        using var store = S3ObjectStore.Create(s3.Options(""));
        foreach (var location in locations.Where(l => !l.EndsWith('/')))
        {
            Assert.NotNull(await store.HeadAsync(location[$"s3://{S3rverFixture.BucketName}/".Length..], Ct));
        }
        await using var json = await store.OpenReadAsync(entry.MetadataLocation[$"s3://{S3rverFixture.BucketName}/".Length..], cancellationToken: Ct);
        using var document = await JsonDocument.ParseAsync(json, cancellationToken: Ct);
        Assert.Equal(prefix.TrimEnd('/'), document.RootElement.GetProperty("location").GetString());
    }

    [Fact]
    public async Task LocalPath_SecondQuery_IsServedFromTheCacheWithoutAnyDownload()
    {
        await using var lake = await S3Lake.CreateAsync(s3);
        await lake.Tables.AppendCopiesAsync(S3Lake.Ticks,
            [lake.TickFile("EURUSD", S3Lake.Day1, 1.1, 1.2), lake.TickFile("EURUSD", S3Lake.Day2, 1.3)], Ct);
        await using var proxy = new FaultProxy(s3.Port);
        var (io, _) = lake.OpenIo(proxy);
        await using var sql = lake.OpenSql(io);

        Assert.Equal([1.1, 1.2, 1.3], await S3Lake.BidsAsync(sql));
        Assert.Equal(2, io.Downloads);
        var dataGets = proxy.Requests.Count(r => r.Method == "GET" && r.Target.Contains(".parquet", StringComparison.Ordinal));
        Assert.Equal(2, dataGets);

        Assert.Equal([1.1, 1.2, 1.3], await S3Lake.BidsAsync(sql));
        Assert.Equal(2, io.Downloads);
        Assert.Equal(2, io.Hits);
        Assert.Equal(dataGets, proxy.Requests.Count(r => r.Method == "GET" && r.Target.Contains(".parquet", StringComparison.Ordinal)));
        Assert.All(Directory.GetFiles(lake.SqlCache, "*.parquet", SearchOption.AllDirectories),
            f => Assert.StartsWith(Path.Combine(lake.SqlCache, "s3", S3rverFixture.BucketName, lake.Prefix.Split('/')[0]), f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LocalPath_OlderSnapshotAndPrunedWhere_DownloadOnlyTheFilesTheyRead()
    {
        await using var lake = await S3Lake.CreateAsync(s3);
        var s1 = await lake.Tables.AppendCopiesAsync(S3Lake.Ticks, [lake.TickFile("EURUSD", S3Lake.Day1, 1.1)], Ct);
        await lake.Tables.AppendCopiesAsync(S3Lake.Ticks, [lake.TickFile("EURUSD", S3Lake.Day2, 1.3)], Ct);
        var (io, _) = lake.OpenIo();
        await using var sql = lake.OpenSql(io);

        var day2 = await sql.QueryAsync("SELECT bid FROM bronze.ticks WHERE ts >= TIMESTAMPTZ '2026-03-03 00:00:00+00'", cancellationToken: Ct);
        Assert.Equal(1.3, (double)Assert.Single(day2.Rows)[0]!);
        var scan = Assert.Single(day2.Scans);
        Assert.Equal(1, scan.DataFilesPruned + scan.ManifestsPruned);
        Assert.Equal(1, io.Downloads);
        Assert.Contains("ts_day=2026-03-03", Assert.Single(Directory.GetFiles(lake.SqlCache, "*.parquet", SearchOption.AllDirectories)), StringComparison.Ordinal);

        Assert.Equal([1.1], await S3Lake.BidsAsync(sql, s1.SnapshotId));
        Assert.Equal(2, io.Downloads);
    }

    [Fact]
    public async Task LocalPath_TruncatedCachedFile_IsDetectedAndFetchedAgain()
    {
        await using var lake = await S3Lake.CreateAsync(s3);
        await lake.Tables.AppendCopiesAsync(S3Lake.Ticks, [lake.TickFile("EURUSD", S3Lake.Day1, 1.1, 1.2)], Ct);
        var (io, _) = lake.OpenIo();
        await using var sql = lake.OpenSql(io);
        Assert.Equal([1.1, 1.2], await S3Lake.BidsAsync(sql));
        var cached = Assert.Single(Directory.GetFiles(lake.SqlCache, "*.parquet", SearchOption.AllDirectories));
        var length = new FileInfo(cached).Length;
        using (var stream = new FileStream(cached, FileMode.Open))
        {
            stream.SetLength(length / 2);
        }

        Assert.Equal([1.1, 1.2], await S3Lake.BidsAsync(sql));

        Assert.Equal(1, io.Refetches);
        Assert.Equal(2, io.Downloads);
        Assert.Equal(length, new FileInfo(cached).Length);
    }

    [Fact]
    public async Task LocalPath_ObjectOfAnotherLengthThanTheManifest_FailsNamingFileExpectedAndActualAndCachesNothing()
    {
        await using var lake = await S3Lake.CreateAsync(s3);
        await lake.Tables.AppendCopiesAsync(S3Lake.Ticks, [lake.TickFile("EURUSD", S3Lake.Day1, 1.1, 1.2)], Ct);
        var file = Assert.Single((await lake.Tables.LoadAsync(S3Lake.Ticks, Ct)).Plan().DataFiles).File;
        using (var store = S3ObjectStore.Create(s3.Options("")))
        using (var replacement = new MemoryStream(new byte[file.FileSizeInBytes + 7]))
        {
            await store.PutAsync(file.FilePath[$"s3://{S3rverFixture.BucketName}/".Length..], replacement, cancellationToken: Ct);
        }
        var (io, _) = lake.OpenIo();
        await using var sql = lake.OpenSql(io);

        var e = await Assert.ThrowsAsync<LakehouseSqlException>(() => S3Lake.BidsAsync(sql));

        Assert.Equal(LakehouseSqlErrorKind.TableUnreadable, e.Kind);
        Assert.Equal(file.FilePath, e.File);
        var inner = Assert.IsType<IcebergException>(e.InnerException);
        Assert.Equal(IcebergErrorKind.FileSizeMismatch, inner.Kind);
        Assert.Equal("file_size_in_bytes", inner.Field);
        Assert.Contains($"{file.FileSizeInBytes} bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{file.FileSizeInBytes + 7} bytes", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(lake.SqlCache, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("-m0.avro", ProxyFault.Status500)]
    [InlineData(".metadata.json", ProxyFault.CutMidBody)]
    public async Task AppendCopiesAsync_S3FailsMidWrite_TableStaysReadableAtItsPreviousSnapshot(string failingObject, ProxyFault fault)
    {
        s3.Require();
        await using var proxy = new FaultProxy(s3.Port);
        await using var lake = await S3Lake.CreateAsync(s3, proxy);
        var s1 = await lake.Tables.AppendCopiesAsync(S3Lake.Ticks, [lake.TickFile("EURUSD", S3Lake.Day1, 1.1)], Ct);
        proxy.Rule = r => r.IsPutObject && r.Target.EndsWith(failingObject, StringComparison.Ordinal) ? fault : ProxyFault.None;

        var e = await Assert.ThrowsAsync<ObjectStoreException>(() =>
            lake.Tables.AppendCopiesAsync(S3Lake.Ticks, [lake.TickFile("EURUSD", S3Lake.Day2, 1.3)], Ct));

        Assert.Contains(proxy.Requests, r => r.Fault == fault);
        Assert.Contains(failingObject, e.Key, StringComparison.Ordinal);
        proxy.Rule = null;
        var entry = await lake.Catalog.LoadTableAsync(S3Lake.Ticks, Ct);
        Assert.Equal(s1.MetadataLocation, entry.MetadataLocation);
        var (io, _) = lake.OpenIo();
        await using var sql = lake.OpenSql(io);
        Assert.Equal([1.1], await S3Lake.BidsAsync(sql));
        var removed = await lake.Tables.RemoveOrphanFilesAsync(S3Lake.Ticks, TimeSpan.Zero, Ct);
        Assert.All(removed, r => Assert.StartsWith($"s3://{S3rverFixture.BucketName}/{lake.Prefix}/bronze/ticks/", r, StringComparison.Ordinal));
        Assert.Equal([1.1], await S3Lake.BidsAsync(sql));
    }

    [Fact]
    public async Task LoadAsync_MetadataObjectMissing_FileNotFoundNamingTheObject()
    {
        await using var lake = await S3Lake.CreateAsync(s3);
        var s1 = await lake.Tables.AppendCopiesAsync(S3Lake.Ticks, [lake.TickFile("EURUSD", S3Lake.Day1, 1.1)], Ct);
        using (var store = S3ObjectStore.Create(s3.Options("")))
        {
            await store.DeleteAsync(s1.MetadataLocation[$"s3://{S3rverFixture.BucketName}/".Length..], Ct);
        }

        var e = await Assert.ThrowsAsync<IcebergException>(() => lake.Tables.LoadAsync(S3Lake.Ticks, Ct));
        Assert.Equal(IcebergErrorKind.FileNotFound, e.Kind);
        Assert.Equal(s1.MetadataLocation, e.File);
        Assert.Contains(s1.MetadataLocation, e.Message, StringComparison.Ordinal);

        var (io, _) = lake.OpenIo();
        await using var sql = lake.OpenSql(io);
        var sqlError = await Assert.ThrowsAsync<LakehouseSqlException>(() => S3Lake.BidsAsync(sql));
        Assert.Equal(LakehouseSqlErrorKind.TableUnreadable, sqlError.Kind);
        Assert.Equal(s1.MetadataLocation, sqlError.File);
        Assert.Contains(s1.MetadataLocation, sqlError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Maintenance_OnS3_ListsAndDeletesThroughTheStoreAndKeepsTheTableReadable()
    {
        await using var lake = await S3Lake.CreateAsync(s3);
        var tables = lake.Tables;
        await tables.AppendCopiesAsync(S3Lake.Ticks, [lake.TickFile("EURUSD", S3Lake.Day1, 1.1)], Ct);
        await tables.AppendCopiesAsync(S3Lake.Ticks, [lake.TickFile("EURUSD", S3Lake.Day1, 1.2)], Ct);
        var staged = await tables.StageAppendAsync(S3Lake.Ticks, [tables.CopyIntoTable(lake.TickFile("EURUSD", S3Lake.Day2, 9.9),
            tables.DefaultLocation(S3Lake.Ticks) + "/data/staged.parquet")], Ct);

        Assert.Empty(await tables.RemoveOrphanFilesAsync(S3Lake.Ticks, TimeSpan.FromHours(1), Ct));
        var orphans = await tables.RemoveOrphanFilesAsync(S3Lake.Ticks, TimeSpan.Zero, Ct);
        Assert.Equal(staged.WrittenFiles.Append(tables.DefaultLocation(S3Lake.Ticks) + "/data/staged.parquet").Order(StringComparer.Ordinal),
            orphans.Order(StringComparer.Ordinal));

        var compacted = await tables.CompactAsync(S3Lake.Ticks, 1 << 20, Ct);
        Assert.NotNull(compacted);
        var (expired, deleted) = await tables.ExpireSnapshotsAsync(S3Lake.Ticks, DateTimeOffset.UtcNow.AddHours(1), 1, Ct);
        Assert.Equal(2, expired.Count);
        Assert.Contains(deleted, d => d.EndsWith(".parquet", StringComparison.Ordinal));
        using var store = S3ObjectStore.Create(s3.Options(""));
        foreach (var d in deleted)
        {
            Assert.Null(await store.HeadAsync(d[$"s3://{S3rverFixture.BucketName}/".Length..], Ct));
        }

        var (io, _) = lake.OpenIo();
        await using var sql = lake.OpenSql(io);
        Assert.Equal([1.1, 1.2], await S3Lake.BidsAsync(sql));
        Assert.Single((await tables.LoadAsync(S3Lake.Ticks, Ct)).Plan().DataFiles);
    }

    [Fact]
    public async Task AppendCopiesAsync_TwoWritersAtOnceOnS3_EveryCommitLandsAndLostAttemptsLeaveNoFiles()
    {
        await using var lake = await S3Lake.CreateAsync(s3);
        var writers = new[] { lake.Tables, lake.OpenWriter() };
        var files = Enumerable.Range(0, 8).Select(i => lake.TickFile("EURUSD", i % 2 == 0 ? S3Lake.Day1 : S3Lake.Day2, 1.0 + i)).ToList();

        await Task.WhenAll(writers.Select((w, n) => Task.Run(async () =>
        {
            for (var i = n; i < files.Count; i += writers.Length)
            {
                await w.AppendCopiesAsync(S3Lake.Ticks, [files[i]], Ct);
            }
        }, Ct)));

        var (io, _) = lake.OpenIo();
        await using var sql = lake.OpenSql(io);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => 1.0 + i), await S3Lake.BidsAsync(sql));
        Assert.Equal(8, (await lake.Tables.LoadAsync(S3Lake.Ticks, Ct)).Metadata.Snapshots.Count);
        Assert.Empty(await lake.Tables.RemoveOrphanFilesAsync(S3Lake.Ticks, TimeSpan.Zero, Ct));
    }

    [Fact]
    public async Task Warehouse_S3aSpelling_WritesS3aLocationsThatS3WriterAndReaderShare()
    {
        await using var lake = await S3Lake.CreateAsync(s3);
        using var s3a = lake.OpenWriter(lake.Warehouse.Replace("s3://", "s3a://", StringComparison.Ordinal) + "/other");
        await lake.Catalog.CreateNamespaceAsync("silver", cancellationToken: Ct);
        var table = new TickKernelExtensions.Lakehouse.Catalog.TableIdentifier("silver", "ticks");
        await s3a.CreateTableAsync(table, IcebergTableMetadataJsonTests.TickSchema, IcebergTableMetadataJsonTests.TickSpec, cancellationToken: Ct);
        await s3a.AppendCopiesAsync(table, [lake.TickFile("EURUSD", S3Lake.Day1, 1.5)], Ct);

        var (io, _) = lake.OpenIo();
        await using var sql = lake.OpenSql(io);
        var result = await sql.QueryAsync("SELECT bid FROM silver.ticks", cancellationToken: Ct);
        Assert.Equal(1.5, (double)Assert.Single(result.Rows)[0]!);
        Assert.StartsWith("s3a://", (await lake.Catalog.LoadTableAsync(table, Ct)).MetadataLocation, StringComparison.Ordinal);
        Assert.Empty(await lake.Tables.RemoveOrphanFilesAsync(table, TimeSpan.Zero, Ct));
    }
}
