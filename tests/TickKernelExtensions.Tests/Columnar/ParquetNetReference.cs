using Parquet;
using Parquet.Schema;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Columnar;

/// <summary>
/// The plain reference path: Parquet.Net 6.1.0 writes the same ticks with the same schema (field ids,
/// TIMESTAMP micros UTC, optional prices and volumes), and reads our files back.
/// </summary>
internal static class ParquetNetReference
{
    public static async Task WriteAsync(string path, string symbol, TickColumns ticks, int rowGroupSize = 1 << 20)
    {
        var fields = Fields();
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream,
            new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, cancellationToken: TestContext.Current.CancellationToken);
        for (var start = 0; start < ticks.Count; start += rowGroupSize)
        {
            var n = Math.Min(rowGroupSize, ticks.Count - start);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(fields[0], Enumerable.Repeat(symbol, n).ToArray());
            await group.WriteAsync<DateTime>(fields[1], ticks.Timestamps.Slice(start, n).ToArray().Select(TickTime.FromMicros).ToArray(),
                cancellationToken: TestContext.Current.CancellationToken);
            await group.WriteAsync<double>(fields[2], Nullable(ticks.Bids.Slice(start, n)), cancellationToken: TestContext.Current.CancellationToken);
            await group.WriteAsync<double>(fields[3], Nullable(ticks.Asks.Slice(start, n)), cancellationToken: TestContext.Current.CancellationToken);
            await group.WriteAsync<float>(fields[4], Nullable(ticks.BidVolumes.Slice(start, n)), cancellationToken: TestContext.Current.CancellationToken);
            await group.WriteAsync<float>(fields[5], Nullable(ticks.AskVolumes.Slice(start, n)), cancellationToken: TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Reads a file with Parquet.Net: field ids from the footer schema, then every row.</summary>
    public static async Task<(int[] FieldIds, List<(string Symbol, long Ts, double? Bid, double? Ask, float? BidVolume, float? AskVolume)> Rows)> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: TestContext.Current.CancellationToken);
        var fields = reader.Schema.DataFields;
        var ids = fields.Select(f => f.SchemaElement!.FieldId ?? -1).ToArray();
        var rows = new List<(string, long, double?, double?, float?, float?)>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = checked((int)group.RowCount);
            var symbol = new string?[n];
            var ts = new DateTime[n];
            var bid = new double?[n];
            var ask = new double?[n];
            var bidVolume = new float?[n];
            var askVolume = new float?[n];
            await group.ReadAsync(fields[0], symbol.AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
            await group.ReadAsync<DateTime>(fields[1], ts.AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
            await group.ReadAsync<double>(fields[2], bid.AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
            await group.ReadAsync<double>(fields[3], ask.AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
            await group.ReadAsync<float>(fields[4], bidVolume.AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
            await group.ReadAsync<float>(fields[5], askVolume.AsMemory(), cancellationToken: TestContext.Current.CancellationToken);
            for (var i = 0; i < n; i++)
            {
                rows.Add((symbol[i]!, TickTime.ToMicros(ts[i]), bid[i], ask[i], bidVolume[i], askVolume[i]));
            }
        }
        return (ids, rows);
    }

    private static DataField[] Fields() =>
    [
        new DataField<string>("symbol", false) { FieldId = 1 },
        new DateTimeDataField("ts", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: false) { FieldId = 2 },
        new DataField<double?>("bid") { FieldId = 3 },
        new DataField<double?>("ask") { FieldId = 4 },
        new DataField<float?>("bid_volume") { FieldId = 5 },
        new DataField<float?>("ask_volume") { FieldId = 6 },
    ];

    private static ReadOnlyMemory<double?> Nullable(ReadOnlySpan<double> values) =>
        values.ToArray().Select(v => double.IsNaN(v) ? (double?)null : v).ToArray();

    private static ReadOnlyMemory<float?> Nullable(ReadOnlySpan<float> values) =>
        values.ToArray().Select(v => float.IsNaN(v) ? (float?)null : v).ToArray();
}
