using TickKernelExtensions.Columnar;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Columnar;

public sealed class TickParquetDatasetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ListFiles_MissingRoot_IsEmpty()
    {
        var dataset = new TickParquetDataset(Path.Combine(_dir.Path, "none"));

        Assert.Empty(dataset.ListPartitions());
        Assert.Empty(dataset.ListFiles());
    }

    [Fact]
    public void ListFiles_HiddenTempAndForeignEntries_AreSkipped()
    {
        var dataset = new TickParquetDataset(_dir.Path);
        var partition = dataset.PartitionDirectory("EURUSD", new DateOnly(2019, 2, 4));
        Directory.CreateDirectory(partition);
        File.WriteAllBytes(Path.Combine(partition, "b.parquet"), [1, 2, 3]);
        File.WriteAllBytes(Path.Combine(partition, "a.parquet"), [1]);
        File.WriteAllBytes(Path.Combine(partition, ".a.parquet.tmp-0123"), [1]);
        File.WriteAllBytes(Path.Combine(partition, "_SUCCESS"), []);
        File.WriteAllBytes(Path.Combine(partition, "_meta.parquet"), []);
        File.WriteAllBytes(Path.Combine(partition, "notes.txt"), []);
        Directory.CreateDirectory(Path.Combine(_dir.Path, "symbol=EURUSD", "date=not-a-date"));
        Directory.CreateDirectory(Path.Combine(_dir.Path, "other", "date=2019-02-04"));
        Directory.CreateDirectory(dataset.PartitionDirectory("USDJPY", new DateOnly(2019, 2, 3)));

        var files = dataset.ListFiles();

        Assert.Equal(["a.parquet", "b.parquet"], files.Select(f => Path.GetFileName(f.Path)));
        Assert.Equal("symbol=EURUSD/date=2019-02-04/b.parquet", files[1].RelativePath);
        Assert.Equal(3, files[1].Bytes);
        Assert.Equal([("EURUSD", new DateOnly(2019, 2, 4)), ("USDJPY", new DateOnly(2019, 2, 3))],
            dataset.ListPartitions().Select(p => (p.Symbol, p.Date)));
        Assert.Equal([new DateOnly(2019, 2, 3)], dataset.ListPartitions("USDJPY").Select(p => p.Date));
        Assert.Empty(dataset.ListFiles("USDJPY"));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsInvalidOptions()
    {
        var e = Assert.Throws<MarketDataException>(() => new TickParquetDataset(_dir.Path, new TickParquetOptions { MaxOpenPartitions = 0 }));

        Assert.Equal(MarketDataErrorKind.InvalidOptions, e.Kind);
        Assert.Contains("MaxOpenPartitions is 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_Options_AreValidAndDocumented()
    {
        var options = TickParquetOptions.Default;

        options.Validate();
        Assert.Equal(1_048_576, options.RowGroupSize);
        Assert.Equal(1 << 20, options.PageSizeBytes);
        Assert.Equal(TickParquetCompression.Snappy, options.Compression);
    }
}
