using System.Globalization;
using Pipeline.Scripts.Output;
using TickKernelExtensions.Datasets;

namespace Pipeline.Scripts.Commands;

/// <summary>A progress line on stderr per 10 % of a dataset operation's bytes (and when its last file is done).</summary>
internal sealed class DatasetProgressLines : IProgress<DatasetProgress>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _lastDecile = new(StringComparer.Ordinal);

    public void Report(DatasetProgress p)
    {
        var decile = p.BytesTotal <= 0 ? 0 : (int)Math.Min(9, p.BytesDone * 10 / p.BytesTotal); // 100 % only once every file is done
        if (p.FilesTotal > 0 && p.FilesDone == p.FilesTotal)
        {
            decile = 10;
        }
        lock (_gate)
        {
            if (_lastDecile.TryGetValue(p.Operation, out var last) && decile <= last)
            {
                return;
            }
            _lastDecile[p.Operation] = decile;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{p.Operation,-8} {p.FilesDone,6}/{p.FilesTotal} files ({decile * 10,3}%)  {IngestSummaryPrinter.Bytes(p.BytesDone)}"));
        }
    }
}
