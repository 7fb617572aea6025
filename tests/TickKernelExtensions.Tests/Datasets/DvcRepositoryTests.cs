using TickKernelExtensions.Datasets;

namespace TickKernelExtensions.Tests.Datasets;

/// <summary>Add, status and checkout on a local repository, checked against DVC 3's layout.</summary>
public sealed class DvcRepositoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Add_Directory_DvcFileExactCacheInDvcLayoutGitIgnoreEntry()
    {
        using var repo = new DatasetRepo();
        var bars = repo.WriteBars();

        var result = await repo.Repository.AddAsync(bars, cancellationToken: Ct);

        Assert.Equal("outs:\n- md5: 5ea40360f5b4ec688df672a4db9c17d1.dir\n  size: 6\n  nfiles: 2\n  hash: md5\n  path: bars\n", repo.Read("gold/bars.dvc"));
        Assert.Equal(repo.PathOf("gold/bars.dvc"), result.DvcFile);
        Assert.Equal(3, result.ObjectsStored);
        Assert.Equal("/bars\n", repo.Read("gold/.gitignore"));
        Assert.Equal("[core]\n    no_scm = true\n", repo.Read(".dvc/config"));
        Assert.Equal("/config.local\n/tmp\n/cache\n", repo.Read(".dvc/.gitignore"));
        Assert.True(File.Exists(repo.PathOf(".dvcignore")));
        foreach (var (name, content) in new[]
        {
            ("37/b51d194a7513e45b56f6524f2d51f2", "bar"),
            ("ac/bd18db4cc2f85cedef654fccc4a4d8", "foo"),
            ("5e/a40360f5b4ec688df672a4db9c17d1.dir", "[{\"md5\": \"37b51d194a7513e45b56f6524f2d51f2\", \"relpath\": \"bar\"}, {\"md5\": \"acbd18db4cc2f85cedef654fccc4a4d8\", \"relpath\": \"foo\"}]"),
        })
        {
            var path = repo.PathOf(".dvc/cache/files/md5/" + name);
            Assert.Equal(content, File.ReadAllText(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(path));
        }
        Assert.Empty(Directory.GetFiles(repo.PathOf(".dvc/tmp"), "*.tmp"));
    }

    [Fact]
    public async Task Add_SingleFile_DvcFileExact()
    {
        using var repo = new DatasetRepo();
        repo.Write("foo", "foo");

        await repo.Repository.AddAsync(repo.PathOf("foo"), cancellationToken: Ct);

        Assert.Equal("outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n  hash: md5\n  path: foo\n", repo.Read("foo.dvc"));
        Assert.Equal("/foo\n", repo.Read(".gitignore"));
    }

    [Fact]
    public async Task Add_AgainUnchanged_NothingStoredGitIgnoreNotRepeated()
    {
        using var repo = new DatasetRepo();
        var bars = repo.WriteBars();
        await repo.Repository.AddAsync(bars, cancellationToken: Ct);

        var again = await repo.Repository.AddAsync(bars, cancellationToken: Ct);

        Assert.Equal(0, again.ObjectsStored);
        Assert.Equal("/bars\n", repo.Read("gold/.gitignore"));
    }

    [Fact]
    public async Task Add_SameBytesTwice_OneCacheObject()
    {
        using var repo = new DatasetRepo();
        repo.Write("d/a.csv", "same");
        repo.Write("d/b/c.csv", "same");

        var result = await repo.Repository.AddAsync(repo.PathOf("d"), cancellationToken: Ct);

        Assert.Equal(2, result.Files);
        Assert.Equal(2, result.ObjectsStored); // one file object and the manifest
        Assert.Equal(2, Directory.GetFiles(repo.PathOf(".dvc/cache/files/md5"), "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task Add_WithLineage_ReadBack()
    {
        using var repo = new DatasetRepo();
        var bars = repo.WriteBars();
        var lineage = new DatasetLineage
        {
            Inputs = [new InputSnapshot("bronze.ticks", "5928164749202844321")],
            Parameters = new Dictionary<string, string> { ["bar"] = "1m" },
            FeatureSet = new FeatureSetVersion("microstructure", "3"),
        };

        await repo.Repository.AddAsync(bars, lineage, cancellationToken: Ct);
        var read = repo.Repository.ReadLineage(bars)!;

        Assert.Equal(lineage.Inputs, read.Inputs);
        Assert.Equal("1m", read.Parameters["bar"]);
        Assert.Equal(lineage.FeatureSet, read.FeatureSet);
        Assert.Equal(lineage.CodeVersion, read.CodeVersion);
        Assert.Matches("^(git:[0-9a-f]{40}|assembly:TickKernelExtensions .+)$", read.CodeVersion);
    }

    [Fact]
    public async Task Add_LineageFromFeatureSetDefinition_NameVersionAndContentHashReadBack()
    {
        using var repo = new DatasetRepo();
        var bars = repo.WriteBars();
        var definition = TickKernelExtensions.Processing.Features.FeatureSetDefinition.GoldCore;

        await repo.Repository.AddAsync(bars, new DatasetLineage { FeatureSet = FeatureSetVersion.From(definition) }, cancellationToken: Ct);
        var read = repo.Repository.ReadLineage(bars)!.FeatureSet!;

        Assert.Equal((definition.Name, definition.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), definition.ContentHash), (read.Name, read.Version, read.ContentHash));
        Assert.Contains($"      content_hash: {definition.ContentHash}\n", repo.Read("gold/bars.dvc"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ModifiedAddedDeletedFiles_Listed()
    {
        using var repo = new DatasetRepo();
        var bars = repo.WriteBars();
        repo.Write("gold/bars/sub/baz", "baz");
        await repo.Repository.AddAsync(bars, cancellationToken: Ct);
        var clean = await repo.Repository.StatusAsync(cancellationToken: Ct);

        repo.Write("gold/bars/foo", "FOO");
        repo.Write("gold/bars/new", "new");
        File.Delete(repo.PathOf("gold/bars/sub/baz"));
        var status = await repo.Repository.StatusAsync(cancellationToken: Ct);

        Assert.True(clean.IsClean);
        var output = Assert.Single(status.Outputs);
        Assert.Equal(OutputState.Modified, output.State);
        Assert.Equal(
            [new FileChange("foo", FileChangeKind.Modified), new FileChange("new", FileChangeKind.Added), new FileChange("sub/baz", FileChangeKind.Deleted)],
            output.Changes);
        Assert.Equal(0, output.ObjectsMissingFromCache);
    }

    [Fact]
    public async Task Status_TrackedPathRemoved_Deleted()
    {
        using var repo = new DatasetRepo();
        var bars = repo.WriteBars();
        await repo.Repository.AddAsync(bars, cancellationToken: Ct);
        Directory.Delete(bars, recursive: true);

        var status = await repo.Repository.StatusAsync([bars], cancellationToken: Ct);

        Assert.Equal(OutputState.Deleted, Assert.Single(status.Outputs).State);
    }

    [Fact]
    public async Task Checkout_AfterDeleteAndEdits_RestoresRecordedBytes()
    {
        using var repo = new DatasetRepo();
        var bars = repo.WriteBars();
        await repo.Repository.AddAsync(bars, cancellationToken: Ct);
        Directory.Delete(bars, recursive: true);

        var summary = await repo.Repository.CheckoutAsync(cancellationToken: Ct);

        Assert.Equal(2, summary.FilesWritten);
        Assert.Equal("bar", repo.Read("gold/bars/bar"));
        Assert.Equal("foo", repo.Read("gold/bars/foo"));
        Assert.True((await repo.Repository.StatusAsync(cancellationToken: Ct)).IsClean);
        Assert.Empty(Directory.GetFiles(bars, ".*.tmp"));
    }

    [Fact]
    public async Task Checkout_OlderVersion_CommittedWorkOverwrittenExtraFileDeleted()
    {
        using var repo = new DatasetRepo();
        var bars = repo.WriteBars();
        await repo.Repository.AddAsync(bars, cancellationToken: Ct);
        var v1 = repo.Read("gold/bars.dvc");
        repo.Write("gold/bars/foo", "foo v2");
        repo.Write("gold/bars/extra", "extra");
        await repo.Repository.AddAsync(bars, cancellationToken: Ct);
        File.WriteAllText(repo.PathOf("gold/bars.dvc"), v1); // what git checkout of the older .dvc does

        var summary = await repo.Repository.CheckoutAsync([bars], cancellationToken: Ct);

        Assert.Equal((1, 1, 1), (summary.FilesWritten, summary.FilesUnchanged, summary.FilesDeleted));
        Assert.Equal("foo", repo.Read("gold/bars/foo"));
        Assert.False(File.Exists(repo.PathOf("gold/bars/extra")));
    }

    [Fact]
    public async Task Checkout_UncommittedChange_RefusedUnlessForced()
    {
        using var repo = new DatasetRepo();
        var bars = repo.WriteBars();
        await repo.Repository.AddAsync(bars, cancellationToken: Ct);
        repo.Write("gold/bars/foo", "my unsaved work");

        var e = await Assert.ThrowsAsync<DatasetException>(() => repo.Repository.CheckoutAsync(cancellationToken: Ct));
        var untouched = repo.Read("gold/bars/foo");
        await repo.Repository.CheckoutAsync(force: true, cancellationToken: Ct);

        Assert.Equal(DatasetErrorKind.UncommittedChanges, e.Kind);
        Assert.Equal(repo.PathOf("gold/bars/foo"), e.File);
        Assert.Equal("my unsaved work", untouched);
        Assert.Equal("foo", repo.Read("gold/bars/foo"));
    }

    [Fact]
    public async Task Checkout_CorruptedCacheObject_NamedAndPreviousFileKept()
    {
        using var repo = new DatasetRepo();
        var bars = repo.WriteBars();
        await repo.Repository.AddAsync(bars, cancellationToken: Ct);
        var obj = repo.PathOf(".dvc/cache/files/md5/ac/bd18db4cc2f85cedef654fccc4a4d8");
        DatasetRepo.Corrupt(obj, "fox");
        File.Delete(repo.PathOf("gold/bars/foo"));
        repo.Write("gold/bars/bar", "bar"); // unchanged

        var e = await Assert.ThrowsAsync<DatasetException>(() => repo.Repository.CheckoutAsync(cancellationToken: Ct));

        Assert.Equal(DatasetErrorKind.CorruptCache, e.Kind);
        Assert.Equal(obj, e.File);
        Assert.Equal("acbd18db4cc2f85cedef654fccc4a4d8", e.Expected);
        Assert.Equal("md5", e.Field);
        Assert.False(File.Exists(repo.PathOf("gold/bars/foo")));
        Assert.Empty(Directory.GetFiles(bars, ".*.tmp"));
    }

    [Fact]
    public async Task VerifyAsync_CorruptedAndMissingObjects_NamedWithKind()
    {
        using var repo = new DatasetRepo();
        var bars = repo.WriteBars();
        await repo.Repository.AddAsync(bars, cancellationToken: Ct);
        var cache = repo.Repository.Cache;
        var size = await cache.VerifyAsync("37b51d194a7513e45b56f6524f2d51f2", null, Ct);
        DatasetRepo.Corrupt(cache.PathOf("acbd18db4cc2f85cedef654fccc4a4d8"), "fox");

        var corrupt = await Assert.ThrowsAsync<DatasetException>(() => cache.VerifyAsync("acbd18db4cc2f85cedef654fccc4a4d8", null, Ct));
        var missing = await Assert.ThrowsAsync<DatasetException>(() => cache.VerifyAsync("00000000000000000000000000000000", null, Ct));

        Assert.Equal(3, size);
        Assert.Equal((DatasetErrorKind.CorruptCache, cache.PathOf("acbd18db4cc2f85cedef654fccc4a4d8")), (corrupt.Kind, corrupt.File));
        Assert.Equal(DatasetErrorKind.MissingFromCache, missing.Kind);
    }

    [Fact]
    public async Task Checkout_InterruptedMidFile_PreviousFileIntactNoTempLeft()
    {
        using var repo = new DatasetRepo(new DatasetOptions { BufferSize = 4096 });
        var big = new byte[1 << 20];
        new Random(7).NextBytes(big);
        repo.Write("gold/big.bin", big);
        await repo.Repository.AddAsync(repo.PathOf("gold/big.bin"), cancellationToken: Ct);
        var previous = new byte[1 << 20];
        new Random(8).NextBytes(previous);
        await repo.Repository.AddAsync(repo.Write("gold/big.bin", previous), cancellationToken: Ct);
        var v2 = repo.Read("gold/big.bin.dvc");
        File.WriteAllText(repo.PathOf("gold/big.bin.dvc"), v2.Replace(Md5(previous), Md5(big), StringComparison.Ordinal));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var progress = new CancelAfter(cts, bytes: 64 * 1024);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => repo.Repository.CheckoutAsync(progress: progress, cancellationToken: cts.Token));

        Assert.True(progress.Reports > 0);
        Assert.Equal(previous, File.ReadAllBytes(repo.PathOf("gold/big.bin")));
        Assert.Empty(Directory.GetFiles(repo.PathOf("gold"), ".*.tmp"));
    }

    [Fact]
    public async Task Add_DvcIgnoreWithPatterns_NotSupportedNamingPattern()
    {
        using var repo = new DatasetRepo();
        var bars = repo.WriteBars();
        repo.Write(".dvcignore", "# comment\n*.tmp\n");

        var e = await Assert.ThrowsAsync<DatasetException>(() => repo.Repository.AddAsync(bars, cancellationToken: Ct));

        Assert.Equal(DatasetErrorKind.NotSupported, e.Kind);
        Assert.Equal("'*.tmp'", e.Actual);
    }

    [Fact]
    public async Task Add_DirectoryHoldingDvcIgnore_RefusedAsDvcDoes()
    {
        using var repo = new DatasetRepo();
        var bars = repo.WriteBars();
        repo.Write("gold/bars/sub/.dvcignore", "");

        var e = await Assert.ThrowsAsync<DatasetException>(() => repo.Repository.AddAsync(bars, cancellationToken: Ct));

        Assert.Equal(DatasetErrorKind.InvalidArgument, e.Kind);
        Assert.Equal(repo.PathOf("gold/bars/sub/.dvcignore"), e.File);
    }

    [Fact]
    public async Task Add_OutsideRepository_InvalidArgument()
    {
        using var repo = new DatasetRepo();

        var e = await Assert.ThrowsAsync<DatasetException>(() => repo.Repository.AddAsync(Path.GetTempPath(), cancellationToken: Ct));

        Assert.Equal(DatasetErrorKind.InvalidArgument, e.Kind);
    }

    [Fact]
    public async Task Add_PathInsideTrackedDirectory_InvalidArgumentNamingTheDvcFile()
    {
        using var repo = new DatasetRepo();
        var bars = repo.WriteBars();
        await repo.Repository.AddAsync(bars, cancellationToken: Ct);

        var e = await Assert.ThrowsAsync<DatasetException>(() => repo.Repository.AddAsync(repo.PathOf("gold/bars/foo"), cancellationToken: Ct));

        Assert.Equal(DatasetErrorKind.InvalidArgument, e.Kind);
        Assert.Contains(repo.PathOf("gold/bars.dvc"), e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(repo.PathOf("gold/bars/foo.dvc")));
    }

    [Fact]
    public void Options_Invalid_EveryFieldNamed()
    {
        var e = Assert.Throws<DatasetException>(() => new DatasetOptions { BufferSize = 1, Concurrency = 0 }.Validate());

        Assert.Contains("BufferSize", e.Message, StringComparison.Ordinal);
        Assert.Contains("Concurrency", e.Message, StringComparison.Ordinal);
    }

    private static string Md5(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(bytes));

    /// <summary>Cancels once a checkout has copied some bytes: the cancellation lands in the middle of a file.</summary>
    private sealed class CancelAfter(CancellationTokenSource cts, long bytes) : IProgress<DatasetProgress>
    {
        public int Reports { get; private set; }

        public void Report(DatasetProgress value)
        {
            Reports++;
            if (value.Operation == "checkout" && value.BytesDone >= bytes)
            {
                cts.Cancel();
            }
        }
    }
}
