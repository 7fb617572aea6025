using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Display;

/// <summary>
/// The view of a tick frame: count, time range and price ranges on the title line, then the first and last
/// rows. Never every row: a frame may hold millions of ticks, and a notebook output is saved in the .ipynb.
/// </summary>
internal static class TickColumnsView
{
    public static ResultView Build(TickColumns ticks)
    {
        var n = ticks.Count;
        if (n == 0)
        {
            return new ResultView("Tick frame", new ViewCell("0 ticks", CellStyle.Muted));
        }
        var times = ticks.Timestamps;
        var bids = ticks.Bids;
        var asks = ticks.Asks;
        double bidMin = double.PositiveInfinity, bidMax = double.NegativeInfinity, spreadSum = 0;
        long crossed = 0, withoutVolume = 0;
        var volumes = ticks.BidVolumes;
        for (var i = 0; i < n; i++)
        {
            bidMin = Math.Min(bidMin, bids[i]);
            bidMax = Math.Max(bidMax, bids[i]);
            var spread = asks[i] - bids[i];
            spreadSum += spread;
            if (spread < 0)
            {
                crossed++;
            }
            if (float.IsNaN(volumes[i]))
            {
                withoutVolume++;
            }
        }
        var facts = new List<ViewCell>
        {
            $"{DisplayText.Count(n)} ticks",
            $"{DisplayText.TickTimestamp(times[0])} → {DisplayText.TickTimestamp(times[n - 1])} UTC",
            $"span {DisplayText.Duration(TimeSpan.FromMicroseconds(times[n - 1] - times[0]))}",
            $"bid {Price(bidMin)} – {Price(bidMax)}",
            $"mean spread {Price(spreadSum / n)}",
            ViewCell.WarningFact(crossed, "crossed"),
        };
        if (withoutVolume > 0)
        {
            facts.Add(new ViewCell($"{DisplayText.Count(withoutVolume)} without volume", CellStyle.Muted));
        }
        var view = new ResultView("Tick frame", facts);
        var table = view.Table("#", "Time (UTC)", "Bid", "Ask", "Spread", "Bid volume", "Ask volume");
        var head = Math.Min(n, DisplayLimits.HeadRows);
        var tailStart = Math.Max(head, n - DisplayLimits.TailRows);
        for (var i = 0; i < head; i++)
        {
            Row(table, ticks, i);
        }
        if (tailStart > head)
        {
            table.Gap($"⋯ {DisplayText.Count(tailStart - head)} more");
        }
        for (var i = tailStart; i < n; i++)
        {
            Row(table, ticks, i);
        }
        return view;
    }

    private static void Row(ViewTable table, TickColumns ticks, int i)
    {
        var spread = ticks.Asks[i] - ticks.Bids[i];
        table.Row(
            ViewCell.Number(i.ToString("N0", CultureInfo.InvariantCulture)),
            DisplayText.TickTimestamp(ticks.Timestamps[i]),
            ViewCell.Number(Price(ticks.Bids[i])),
            ViewCell.Number(Price(ticks.Asks[i])),
            new ViewCell(Price(spread), CellStyle.Number | (spread < 0 ? CellStyle.Warn : CellStyle.None)),
            ViewCell.Number(DisplayText.Volume(ticks.BidVolumes[i])),
            ViewCell.Number(DisplayText.Volume(ticks.AskVolumes[i])));
    }

    /// <summary>Prices and spreads to 10 decimals at most, so float noise (4.9999999e-05) reads as 0.00005.</summary>
    private static string Price(double value) =>
        double.IsNaN(value) ? DisplayText.Missing : Math.Round(value, 10).ToString("0.##########", CultureInfo.InvariantCulture);
}
