using System.Globalization;
using DuckDB.NET.Data;
using TickKernelExtensions.Market;

namespace Backtest.Bench;

/// <summary>
/// The anchor: <see cref="MomentumRule"/> as one vectorised SQL statement over the same ticks held in an in-memory
/// DuckDB table <c>ticks(i, ts, bid, ask)</c>. One sorted window gives each tick's signal input (mid minus its lag)
/// and the next tick's bid and ask (where its decision fills); the ticks past the threshold are kept, and a second,
/// small window finds where the signal differs from the previous one: each such change (with a next tick) is one
/// round trip. P&amp;L is the sum of the cash flows at the fills (a buy pays the ask, a sell receives the bid) plus
/// closing the last position at each part's last tick, × 100,000 units a lot. (A first version carried the position
/// forward over every tick with <c>last_value(… IGNORE NULLS)</c> and three more windows: same result, 2–5× slower.) With N threads the ticks are cut into the same N parts as ours (PARTITION BY ⌊i·N/n⌋) and
/// DuckDB runs with <c>SET threads = N</c>.
/// </summary>
internal sealed class DuckDbAnchor : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly long _count;

    public DuckDbAnchor(TickColumns ticks)
    {
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        Execute("CREATE TABLE ticks (i BIGINT, ts TIMESTAMP, bid DOUBLE, ask DOUBLE)");
        using (var appender = _connection.CreateAppender("ticks"))
        {
            var times = ticks.Timestamps;
            var bids = ticks.Bids;
            var asks = ticks.Asks;
            for (var i = 0; i < ticks.Count; i++)
            {
                appender.CreateRow().AppendValue((long)i).AppendValue(TickTime.FromMicros(times[i])).AppendValue(bids[i]).AppendValue(asks[i]).EndRow();
            }
        }
        _count = ticks.Count;
    }

    public string Version => Scalar("SELECT version()")?.ToString() ?? "?";

    public static string Sql(long count, int parts)
    {
        var threshold = MomentumRule.Threshold.ToString("R", CultureInfo.InvariantCulture);
        var part = string.Create(CultureInfo.InvariantCulture, $"(i * {parts}) // {count}");
        return string.Create(CultureInfo.InvariantCulture, $"""
            WITH s AS (
                SELECT i, {part} AS part,
                       (bid + ask) * 0.5 - lag((bid + ask) * 0.5, {MomentumRule.Lookback}) OVER w AS d,
                       lead(bid) OVER w AS next_bid, lead(ask) OVER w AS next_ask
                FROM ticks WINDOW w AS (PARTITION BY {part} ORDER BY i)),
            sig AS (
                SELECT i, part, next_bid, next_ask, CASE WHEN d > CAST({threshold} AS DOUBLE) THEN 1 ELSE -1 END AS s
                FROM s WHERE d > CAST({threshold} AS DOUBLE) OR d < -CAST({threshold} AS DOUBLE)),
            prev AS (
                SELECT i, part, next_bid, next_ask, s, coalesce(lag(s) OVER (PARTITION BY part ORDER BY i), 0) AS before FROM sig),
            changes AS (
                SELECT i, part, s, s - before AS delta, next_bid, next_ask FROM prev WHERE s <> before AND next_bid IS NOT NULL),
            marked AS (
                SELECT part, s, delta, next_bid, next_ask, i = max(i) OVER (PARTITION BY part) AS final FROM changes),
            lasts AS (
                SELECT {part} AS part, arg_max(bid, i) AS bid, arg_max(ask, i) AS ask FROM ticks GROUP BY ALL)
            SELECT count(*) AS trades, count(*) FILTER (WHERE s > 0) AS long_trades,
                   100000 * sum(CASE WHEN delta > 0 THEN -delta * next_ask ELSE -delta * next_bid END
                                 + CASE WHEN NOT final THEN 0 WHEN s > 0 THEN s * l.bid ELSE s * l.ask END) AS pnl
            FROM marked JOIN lasts l USING (part)
            """);
    }

    public Outcome Run(int threads)
    {
        Execute($"SET threads = {threads}");
        using var command = _connection.CreateCommand();
        command.CommandText = Sql(_count, threads);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new Outcome(reader.GetInt64(0), reader.GetInt64(1), reader.GetDouble(2));
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
