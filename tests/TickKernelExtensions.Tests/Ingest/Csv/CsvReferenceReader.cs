using System.Globalization;
using System.IO.Compression;
using TickKernelExtensions.Ingest.Csv;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Ingest.Csv;

/// <summary>
/// The plain reference path of <see cref="CsvTickReader"/>: whole-file strings, <see cref="string.Split(char, StringSplitOptions)"/>,
/// <see cref="double.Parse(string, IFormatProvider)"/>, <see cref="DateTime.ParseExact(string, string, IFormatProvider)"/>
/// and <see cref="TimeZoneInfo"/> per row. Slow and obviously right; tests only. It reads well-formed files
/// (no validation, no error reporting) so that the fast reader's columns can be compared with it.
/// </summary>
internal static class CsvReferenceReader
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static TickColumns Read(string path, CsvTickFormat format, TimeSpan? utcOffset = null, string? timeZone = null)
    {
        var (lines, name) = Lines(path);
        var zone = timeZone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        DateTime ToUtc(DateTime local) =>
            zone is not null ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone)
            : DateTime.SpecifyKind(local - (utcOffset ?? TimeSpan.Zero), DateTimeKind.Utc);
        var ticks = new TickColumns();
        double lastBid = double.NaN, lastAsk = double.NaN;
        foreach (var line in format is CsvTickFormat.HistData or CsvTickFormat.Lean ? lines : lines.Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }
            switch (format)
            {
                case CsvTickFormat.Dukascopy:
                {
                    var f = line.Split(',');
                    DateTime utc;
                    var gmt = f[0].IndexOf(" GMT", StringComparison.Ordinal);
                    if (gmt >= 0)
                    {
                        var local = DateTime.ParseExact(f[0][..gmt], "dd.MM.yyyy HH:mm:ss.fff", Invariant);
                        var offset = f[0][(gmt + 4)..];
                        var span = new TimeSpan(int.Parse(offset[1..3], Invariant), int.Parse(offset[3..5], Invariant), 0);
                        utc = DateTime.SpecifyKind(offset[0] == '-' ? local + span : local - span, DateTimeKind.Utc);
                    }
                    else
                    {
                        utc = ToUtc(DateTime.ParseExact(f[0], "dd.MM.yyyy HH:mm:ss.fff", Invariant));
                    }
                    ticks.Add(TickTime.ToMicros(utc), double.Parse(f[2], Invariant), double.Parse(f[1], Invariant),
                        f.Length > 3 ? float.Parse(f[4], Invariant) : float.NaN, f.Length > 3 ? float.Parse(f[3], Invariant) : float.NaN);
                    break;
                }
                case CsvTickFormat.DukascopyNode:
                {
                    var f = line.Split(',');
                    ticks.Add(long.Parse(f[0], Invariant) * 1000, double.Parse(f[2], Invariant), double.Parse(f[1], Invariant),
                        f.Length > 3 ? float.Parse(f[4], Invariant) : float.NaN, f.Length > 3 ? float.Parse(f[3], Invariant) : float.NaN);
                    break;
                }
                case CsvTickFormat.Mt5:
                {
                    var f = line.Split('\t');
                    var local = DateTime.ParseExact(f[0] + " " + f[1], "yyyy.MM.dd HH:mm:ss.fff", Invariant);
                    if (f[2].Length > 0)
                    {
                        lastBid = double.Parse(f[2], Invariant);
                    }
                    if (f[3].Length > 0)
                    {
                        lastAsk = double.Parse(f[3], Invariant);
                    }
                    if ((f[2].Length > 0 || f[3].Length > 0) && !double.IsNaN(lastBid) && !double.IsNaN(lastAsk))
                    {
                        ticks.Add(TickTime.ToMicros(ToUtc(local)), lastBid, lastAsk, float.NaN, float.NaN);
                    }
                    break;
                }
                case CsvTickFormat.HistData:
                {
                    var f = line.Split(',');
                    var utc = DateTime.ParseExact(f[0], "yyyyMMdd HHmmssfff", Invariant).AddHours(5);
                    ticks.Add(TickTime.ToMicros(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
                        double.Parse(f[1], Invariant), double.Parse(f[2], Invariant), float.NaN, float.NaN);
                    break;
                }
                case CsvTickFormat.Lean:
                {
                    var f = line.Split(',');
                    var date = DateTime.ParseExact(name[..8], "yyyyMMdd", Invariant);
                    var utc = ToUtc(date.AddMilliseconds(long.Parse(f[0], Invariant)));
                    ticks.Add(TickTime.ToMicros(utc), double.Parse(f[1], Invariant), double.Parse(f[2], Invariant), float.NaN, float.NaN);
                    break;
                }
                default:
                    throw new ArgumentOutOfRangeException(nameof(format), format, null);
            }
        }
        return ticks;
    }

    private static (string[] Lines, string Name) Lines(string path)
    {
        if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return (File.ReadAllLines(path), Path.GetFileName(path));
        }
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.Entries.Single(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase));
        using var reader = new StreamReader(entry.Open());
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }
        return (lines.ToArray(), entry.Name);
    }
}
