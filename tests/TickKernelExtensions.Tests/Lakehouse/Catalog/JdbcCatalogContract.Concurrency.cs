using System.Collections.Concurrent;
using TickKernelExtensions.Lakehouse.Catalog;

namespace TickKernelExtensions.Tests.Lakehouse.Catalog;

public abstract partial class JdbcCatalogContract
{
    private const int Writers = 8;
    private const int CommitsPerWriter = 12;

    /// <summary>
    /// Eight writers, each with its own catalog (its own connections, as separate processes would have), append
    /// concurrently. Each "metadata file" lists every commit before it plus its own, so a lost update would drop a line.
    /// </summary>
    [Fact]
    public async Task CommitWithRetryAsync_EightConcurrentWriters_EveryCommitExactlyOnceAndTheChainIntact()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await NewDatabaseAsync();
        var retry = new CommitRetryOptions { MaxAttempts = 500, MinBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(30) };
        var setup = await OpenAsync(database);
        await setup.CreateNamespaceAsync("bronze", cancellationToken: ct);
        var table = new TableIdentifier("bronze", "ticks");
        var initial = WriteMetadata([]);
        await setup.CreateTableAsync(table, initial, ct);
        var catalogs = await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => OpenAsync(database, retry: retry)));
        var results = new ConcurrentBag<CommitResult>();
        using var start = new Barrier(Writers);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            start.SignalAndWait(ct);
            for (var i = 0; i < CommitsPerWriter; i++)
            {
                var entry = $"w{w}-{i:D2}";
                results.Add(await catalogs[w].CommitWithRetryAsync(table, async (current, token) =>
                {
                    var before = await File.ReadAllLinesAsync(current, token);
                    return WriteMetadata([.. before, entry]);
                }, cancellationToken: ct));
            }
        }, ct)));

        // Every commit is in the final metadata exactly once, each writer's in its own order.
        var final = await setup.LoadTableAsync(table, ct);
        var lines = await File.ReadAllLinesAsync(final.MetadataLocation, ct);
        Assert.Equal(Writers * CommitsPerWriter, lines.Length);
        Assert.Equal(lines.Length, lines.Distinct(StringComparer.Ordinal).Count());
        for (var w = 0; w < Writers; w++)
        {
            Assert.Equal(Enumerable.Range(0, CommitsPerWriter).Select(i => $"w{w}-{i:D2}"), lines.Where(l => l.StartsWith($"w{w}-", StringComparison.Ordinal)));
        }

        // The successful commits form one chain from the first location to the last, each link adding one line.
        Assert.Equal(Writers * CommitsPerWriter, results.Count);
        var next = results.ToDictionary(r => r.PreviousLocation, r => r.MetadataLocation, StringComparer.Ordinal);
        var location = initial;
        var chain = new List<string>();
        for (var n = 1; n <= Writers * CommitsPerWriter; n++)
        {
            var parent = location;
            Assert.True(next.TryGetValue(parent, out location), $"Commit {n} of the chain is missing: nothing was committed on top of {parent}.");
            Assert.Equal([.. File.ReadAllLines(parent), File.ReadAllLines(location!)[^1]], File.ReadAllLines(location!));
            chain.Add(location!);
        }
        Assert.Equal(final.MetadataLocation, location);
        Assert.Equal(chain[^2], final.PreviousMetadataLocation);

        // Lost attempts are leftovers nothing references: exactly what orphan removal deletes.
        var abandoned = results.SelectMany(r => r.AbandonedLocations).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{GetType().Name}: {results.Count} commits, {abandoned.Count} lost races, at most {results.Max(r => r.Attempts)} attempts for one commit");
        Assert.Empty(abandoned.Intersect(chain.Append(initial)));
        Assert.Equal(abandoned.Count + chain.Count + 1, Directory.GetFiles(Files.Path).Length);
    }

    [Fact]
    public async Task CommitWithRetryAsync_WriterKilledAfterWritingMetadata_LeavesThePreviousLocationAndAnUnreferencedFile()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await NewDatabaseAsync();
        var catalog = await OpenAsync(database);
        await catalog.CreateNamespaceAsync("bronze", cancellationToken: ct);
        var table = new TableIdentifier("bronze", "ticks");
        var initial = WriteMetadata(["created"]);
        await catalog.CreateTableAsync(table, initial, ct);
        var first = await catalog.CommitWithRetryAsync(table, (current, _) => Task.FromResult(WriteMetadata(["created", "append-1"])), cancellationToken: ct);

        // The writer dies between writing its metadata file and the catalog update.
        string? leftover = null;
        using var kill = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => catalog.CommitWithRetryAsync(table, (current, token) =>
        {
            leftover = WriteMetadata(["created", "append-1", "append-2"]);
            kill.Cancel();
            token.ThrowIfCancellationRequested();
            return Task.FromResult(leftover);
        }, cancellationToken: kill.Token));

        Assert.True(File.Exists(leftover));
        var reopened = await OpenAsync(database);
        Assert.Equal(new CatalogTableEntry(table, first.MetadataLocation, initial), await reopened.LoadTableAsync(table, ct));
        // The next writer builds on the last committed state; the leftover is referenced by nothing.
        var next = await reopened.CommitWithRetryAsync(table, (current, _) =>
            Task.FromResult(WriteMetadata([.. File.ReadAllLines(current), "append-3"])), cancellationToken: ct);
        Assert.Equal(first.MetadataLocation, next.PreviousLocation);
        Assert.Equal(["created", "append-1", "append-3"], File.ReadAllLines((await reopened.LoadTableAsync(table, ct)).MetadataLocation));
        Assert.DoesNotContain(leftover, new[] { initial, first.MetadataLocation, next.MetadataLocation });
    }

    [Fact]
    public async Task CreateAsync_EightRacersForOneName_ExactlyOneWinsAndTheOthersAreToldItExists()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await NewDatabaseAsync();
        var catalogs = await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => OpenAsync(database)));
        var table = new TableIdentifier("bronze", "ticks");
        using var start = new Barrier(Writers);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            start.SignalAndWait(ct);
            var kinds = new List<CatalogErrorKind?>();
            foreach (var step in (Func<Task>[])
            [
                () => catalogs[w].CreateNamespaceAsync("bronze", new Dictionary<string, string> { ["writer"] = $"w{w}" }, ct),
                () => catalogs[w].CreateTableAsync(table, $"s3://lake/wh/bronze/ticks/metadata/00000-w{w}.metadata.json", ct),
            ])
            {
                try
                {
                    await step();
                    kinds.Add(null);
                }
                catch (CatalogException e)
                {
                    kinds.Add(e.Kind);
                }
            }
            return kinds;
        }, ct)));

        Assert.Single(outcomes, o => o[0] is null);
        Assert.All(outcomes.Where(o => o[0] is not null), o => Assert.Equal(CatalogErrorKind.NamespaceAlreadyExists, o[0]));
        Assert.Single(outcomes, o => o[1] is null);
        Assert.All(outcomes.Where(o => o[1] is not null), o => Assert.Equal(CatalogErrorKind.TableAlreadyExists, o[1]));
        var winner = Array.FindIndex(outcomes, o => o[1] is null);
        Assert.Equal($"s3://lake/wh/bronze/ticks/metadata/00000-w{winner}.metadata.json", (await catalogs[0].LoadTableAsync(table, ct)).MetadataLocation);
        // The namespace's properties are one writer's, whole: no mix of two creators' rows.
        Assert.Single(await catalogs[0].LoadNamespacePropertiesAsync("bronze", ct));
        Assert.Single(await QueryAsync(database, "SELECT 1 FROM iceberg_namespace_properties WHERE property_key = 'exists'"));
    }
}
