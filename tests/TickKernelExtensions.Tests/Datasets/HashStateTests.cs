using TickKernelExtensions.Datasets;

namespace TickKernelExtensions.Tests.Datasets;

/// <summary>Unchanged files are not read again; changed ones always are.</summary>
public sealed class HashStateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static long BytesRead(DatasetRepo repo, Func<IProgress<DatasetProgress>, Task> run)
    {
        var progress = new Recorder();
        run(progress).GetAwaiter().GetResult();
        return progress.MaxBytes;
    }

    private static void Age(string folder, TimeSpan by)
    {
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file) - by);
        }
    }

    [Fact]
    public async Task Status_SecondRunOnUnchangedFiles_ReadsNothing()
    {
        using var repo = new DatasetRepo();
        var bars = repo.WriteBars();
        Age(bars, TimeSpan.FromHours(1));
        await repo.Repository.AddAsync(bars, cancellationToken: Ct);

        var read = BytesRead(repo, p => repo.Repository.StatusAsync(progress: p, cancellationToken: Ct));

        Assert.Equal(0, read);
        Assert.True(File.Exists(repo.PathOf(".dvc/tmp/tick-hash-state.json")));
    }

    [Fact]
    public async Task Status_FileRewrittenSameSize_StillDetected()
    {
        using var repo = new DatasetRepo();
        var bars = repo.WriteBars();
        Age(bars, TimeSpan.FromHours(1));
        await repo.Repository.AddAsync(bars, cancellationToken: Ct);

        repo.Write("gold/bars/foo", "fox");
        File.SetLastWriteTimeUtc(repo.PathOf("gold/bars/foo"), DateTime.UtcNow - TimeSpan.FromMinutes(30));
        var status = await repo.Repository.StatusAsync(cancellationToken: Ct);

        Assert.Equal([new FileChange("foo", FileChangeKind.Modified)], Assert.Single(status.Outputs).Changes);
    }

    [Fact]
    public async Task Status_FilesJustWritten_RacySoReadAgain()
    {
        using var repo = new DatasetRepo();
        var bars = repo.WriteBars();
        await repo.Repository.AddAsync(bars, cancellationToken: Ct);

        var read = BytesRead(repo, p => repo.Repository.StatusAsync(progress: p, cancellationToken: Ct));

        Assert.Equal(6, read);
    }

    [Fact]
    public async Task Status_HashStateOff_ReadsEverything()
    {
        using var repo = new DatasetRepo(new DatasetOptions { UseHashState = false });
        var bars = repo.WriteBars();
        Age(bars, TimeSpan.FromHours(1));
        await repo.Repository.AddAsync(bars, cancellationToken: Ct);

        var read = BytesRead(repo, p => repo.Repository.StatusAsync(progress: p, cancellationToken: Ct));

        Assert.Equal(6, read);
        Assert.False(File.Exists(repo.PathOf(".dvc/tmp/tick-hash-state.json")));
    }

    private sealed class Recorder : IProgress<DatasetProgress>
    {
        private long _max;

        public long MaxBytes => Interlocked.Read(ref _max);

        public void Report(DatasetProgress value)
        {
            long seen;
            while ((seen = Interlocked.Read(ref _max)) < value.BytesDone && Interlocked.CompareExchange(ref _max, value.BytesDone, seen) != seen)
            {
            }
        }
    }
}
