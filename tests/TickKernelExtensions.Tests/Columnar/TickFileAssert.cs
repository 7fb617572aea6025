using TickKernelExtensions.Columnar;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Columnar;

/// <summary>Writes tick files with our writer and compares what a reader returns with the input.</summary>
internal static class TickFileAssert
{
    public static async Task<string> WriteAsync(string path, string symbol, TickColumns ticks, TickParquetOptions? options = null, int batchSize = int.MaxValue)
    {
        await using var stream = File.Create(path);
        await using var writer = await TickParquetWriter.CreateAsync(stream, symbol, options, TestContext.Current.CancellationToken);
        for (var start = 0; start < ticks.Count; start += batchSize)
        {
            await writer.WriteAsync(ticks, start, Math.Min(batchSize, ticks.Count - start), TestContext.Current.CancellationToken);
        }
        await writer.CompleteAsync(TestContext.Current.CancellationToken);
        Assert.Equal(stream.Length, writer.BytesWritten);
        return path;
    }

    /// <summary>Rows equal the input, with NaN expected as null.</summary>
    public static void Equal(string symbol, TickColumns expected, IReadOnlyList<(string Symbol, long Ts, double? Bid, double? Ask, float? BidVolume, float? AskVolume)> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var row = actual[i];
            Assert.Equal(symbol, row.Symbol);
            Assert.Equal(expected.Timestamps[i], row.Ts);
            Assert.Equal(Nullable(expected.Bids[i]), row.Bid);
            Assert.Equal(Nullable(expected.Asks[i]), row.Ask);
            Assert.Equal(Nullable(expected.BidVolumes[i]), row.BidVolume);
            Assert.Equal(Nullable(expected.AskVolumes[i]), row.AskVolume);
        }
    }

    private static double? Nullable(double value) => double.IsNaN(value) ? null : value;

    private static float? Nullable(float value) => float.IsNaN(value) ? null : value;
}
