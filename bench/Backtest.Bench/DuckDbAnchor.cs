using System.Globalization;
using DuckDB.NET.Data;
using TickKernelExtensions.Market;

namespace Backtest.Bench;

/// <summary>
/// The anchor: <see cref="MomentumRule"/> as one vectorised SQL statement over the same ticks held in an in-memory
/// DuckDB table <c>ticks(i, ts, bid, ask)</c>. Window functions give the signal (mid minus its lag), the position
/// (the last signal so far), the position held after the next tick's fill (lag 1) and its changes; P&amp;L is the sum
/// of the cash flows (a buy pays the ask, a sell receives the bid) plus closing what is held at each part's last tick,
/// × 100,000 units a lot. With N threads the ticks are cut into the same N parts as ours (PARTITION BY ⌊i·N/n⌋) and
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
        return string.Create(CultureInfo.InvariantCulture, $"""
            WITH s AS (
                SELECT i, bid, ask, (i * {parts}) // {count} AS part,
                       (bid + ask) * 0.5 - lag((bid + ask) * 0.5, {MomentumRule.Lookback}) OVER (PARTITION BY (i * {parts}) // {count} ORDER BY i) AS d
                FROM ticks),
            sig AS (
                SELECT i, bid, ask, part, CASE WHEN d > CAST({threshold} AS DOUBLE) THEN 1 WHEN d < -CAST({threshold} AS DOUBLE) THEN -1 END AS s FROM s),
            pos AS (
                SELECT i, bid, ask, part,
                       coalesce(last_value(s IGNORE NULLS) OVER (PARTITION BY part ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), 0) AS p
                FROM sig),
            held AS (
                SELECT i, bid, ask, part, coalesce(lag(p) OVER (PARTITION BY part ORDER BY i), 0) AS h,
                       i = max(i) OVER (PARTITION BY part) AS last
                FROM pos),
            flows AS (
                SELECT bid, ask, h, last, h - coalesce(lag(h) OVER (PARTITION BY part ORDER BY i), 0) AS delta FROM held)
            SELECT count(*) FILTER (WHERE delta <> 0) AS trades,
                   count(*) FILTER (WHERE delta <> 0 AND h > 0) AS long_trades,
                   100000 * (sum(CASE WHEN delta > 0 THEN -delta * ask WHEN delta < 0 THEN -delta * bid ELSE 0 END)
                             + sum(CASE WHEN last AND h > 0 THEN h * bid WHEN last AND h < 0 THEN h * ask ELSE 0 END)) AS pnl
            FROM flows
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
